import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../../src/model/snapshot';
import { check } from '../../../src/model/validation';
import { buildServer } from '../../../src/server/app';

let app: FastifyInstance;

beforeAll(async () => {
  // A stand-in build: the server's job is headers and routing, not what Vite produced.
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Veldwerk</title><script>warmUp()</script>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'export {};');
  app = await buildServer({ staticDir: dir, demo: true, version: '9.9.9' });
});
afterAll(() => app.close());

describe('server', () => {
  it.each([
    ['/sw.js', 'no-cache'],
    ['/index.html', 'no-cache'],
    ['/assets/index-abc123.js', 'public, max-age=31536000, immutable'],
  ])('%s is served with cache-control %s and a strict CSP', async (url, cacheControl) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(cacheControl);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('compresses what it sends when the browser accepts it', async () => {
    const res = await app.inject({ url: '/api/demo-snapshot', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBe('br');
    const plain = await app.inject({ url: '/api/demo-snapshot' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(res.rawPayload.length)).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('answers deep links with the app shell, uncached', async () => {
    const res = await app.inject({ url: '/dossiers/abc/bezoek' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>Veldwerk</title>');
  });

  it('allows exactly the inline scripts of index.html, by hash', async () => {
    const csp = (await app.inject({ url: '/' })).headers['content-security-policy'] as string;
    // sha256 of "warmUp()", base64
    expect(csp).toContain(`script-src 'self' 'sha256-${createHash('sha256').update('warmUp()').digest('base64')}'`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('answers a missing asset with 404, not with the app shell', async () => {
    const res = await app.inject({ url: '/assets/index-gone.js' });
    expect(res.statusCode).toBe(404);
  });

  it('never lets a cache keep an API answer', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ ok: true, version: '9.9.9', database: 'reachable' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers unknown API routes with the one error shape', async () => {
    const res = await app.inject({ url: '/api/nope', method: 'POST', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'notFound', message: expect.any(String) } });
  });

  it('serves a demo snapshot that the shared schema accepts', async () => {
    const res = await app.inject({ url: '/api/demo-snapshot' });
    expect(check(SnapshotSchema, res.json()).ok).toBe(true);
  });

  it('refuses to start without a built app', async () => {
    await expect(buildServer({ staticDir: mkdtempSync(join(tmpdir(), 'empty-')), demo: false, version: '1' })).rejects.toThrow(/npm run build/);
  });
});

describe('index.html', () => {
  it('keeps the place in <head>, ahead of the styles, where the build puts the start-up read (src/boot.ts)', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync('index.html', 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<!-- veldwerk:boot');
    expect(head).not.toMatch(/<link[^>]+stylesheet[\s\S]*veldwerk:boot/);
  });
});

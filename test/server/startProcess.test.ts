import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/server/demo/demoAccounts';

/**
 * `src/server/main.ts` as `npm start` runs it, in a process of its own: what it says at start and what a real
 * SIGTERM does. The app's parts are tested in memory elsewhere; this is the wiring around them.
 */
describe('the server process', () => {
  const started: Started[] = [];
  afterEach(() => {
    for (const server of started.splice(0)) server.kill();
  });

  it('warns loudly at start when demo logins work on a server others can reach', async () => {
    const server = track(started, await startMain({ HOST: '0.0.0.0' }));
    expect(server.stderr()).toMatch(/WAARSCHUWING: 4 demo-login\(s\)/);
    expect(server.stderr()).toContain('0.0.0.0');
  });

  it('does not warn on a loopback address, nor with the demo off', async () => {
    const loopback = track(started, await startMain({ HOST: '127.0.0.1' }));
    expect(loopback.stdout()).toContain('Demo-logins');
    expect(loopback.stderr()).not.toContain('WAARSCHUWING');
    const real = track(started, await startMain({ HOST: '0.0.0.0', DEMO: '0' }));
    expect(real.stdout()).not.toContain('Demo-logins');
    expect(real.stderr()).not.toContain('WAARSCHUWING');
  });

  it('on SIGTERM answers the request in flight, then exits 0', async () => {
    const server = track(started, await startMain({ HOST: '127.0.0.1' }));
    const user = DEMO_USERS[0]!;
    // The body arrives in two parts with the signal in between: the request is in flight when the stop begins.
    let sendRest!: () => void;
    const rest = new Promise<void>((resolve) => (sendRest = resolve));
    const json = JSON.stringify({ email: user.email, password: user.password });
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(json.slice(0, 10)));
        await rest;
        controller.enqueue(new TextEncoder().encode(json.slice(10)));
        controller.close();
      },
    });
    const reply = fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    await until(() => server.stdout().includes('incoming request'), 'the request to reach the server');

    server.process.kill('SIGTERM');
    await until(() => server.stdout().includes('stopping'), 'the server to start stopping');
    sendRest();

    const res = await reply;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accessToken: expect.any(String) });
    expect(await server.exited).toBe(0);
  });
});

interface Started {
  url: string;
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  kill(): void;
}

function track(list: Started[], server: Started): Started {
  list.push(server);
  return server;
}

/** Starts main.ts on a free port with a fresh SQLite file and a stand-in build; resolves once it listens. */
async function startMain(env: Record<string, string>): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-main-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Veldwerk</title>');
  let out = '';
  let err = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', DATABASE_FILE: join(dir, 'veldwerk.sqlite'), STATIC_DIR: dir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  exited.then(() => rmSync(dir, { recursive: true, force: true }), () => undefined);
  const listening = /Veldwerk draait op (http:\/\/\S+)/;
  await until(() => listening.test(out) || child.exitCode !== null, 'the server to start', 30_000);
  const address = listening.exec(out)?.[1];
  if (!address) throw new Error(`The server did not start:\n${out}\n${err}`);
  // The warning is written before the address (main.ts); the two pipes are read apart, so give stderr a moment.
  await until(() => out.includes('Sleutelgeheim'), 'the start-up lines');
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    url: address.replace('0.0.0.0', '127.0.0.1').replace('localhost', '127.0.0.1'),
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: () => void (child.exitCode === null && child.kill('SIGKILL')),
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

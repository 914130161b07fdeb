// Transfer sizes of the built app: the JavaScript the first screen cannot start without, and the whole precache.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
// A real ES lexer (Vite's own dependency) tells static imports from dynamic import() without regex guesswork.
import { init, parse } from 'es-module-lexer';

const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** "/assets/x.js" or "assets/x.js" → path inside dist; absolute URLs to other hosts are not ours to count. */
function distPath(distDir, url) {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) throw new Error(`External script in index.html: ${url}`);
  return join(distDir, url.replace(/^\//, '').split(/[?#]/)[0]);
}

/** Entry scripts and modulepreloads of index.html, as paths relative to dist ("assets/index-….js"). */
export function entryChunks(html) {
  const entries = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i'))?.[1];
    const isModuleScript = /^<script/i.test(tag) && attr('type') === 'module' && attr('src');
    const isPreload = /^<link/i.test(tag) && (attr('rel') ?? '').split(/\s+/).includes('modulepreload');
    if (isModuleScript) entries.add(attr('src').replace(/^\//, ''));
    if (isPreload) entries.add(attr('href').replace(/^\//, ''));
  }
  return [...entries];
}

/**
 * The critical chunks: entries plus everything they import statically, transitively (import() is not followed),
 * and the scripts inlined in index.html.
 */
export async function criticalChunks(distDir) {
  await init;
  const seen = new Set();
  const queue = entryChunks(readFileSync(join(distDir, 'index.html'), 'utf8'));
  if (queue.length === 0) throw new Error('No <script type=module> or modulepreload found in index.html');
  while (queue.length) {
    const rel = queue.shift();
    if (seen.has(rel)) continue;
    seen.add(rel);
    const [imports] = parse(readFileSync(distPath(distDir, rel), 'utf8'));
    // d === -1: a static import/export-from declaration. d > -1 is import(), d === -2 is import.meta.
    for (const imp of imports) {
      if (imp.d !== -1 || !imp.n) continue;
      if (!imp.n.startsWith('.') && !imp.n.startsWith('/')) throw new Error(`Bare import "${imp.n}" in ${rel}`);
      queue.push(imp.n.startsWith('/') ? imp.n.slice(1) : posix.normalize(posix.join(posix.dirname(rel), imp.n)));
    }
  }
  const chunks = [...seen].map((rel) => ({ file: rel, gzip: gzipBytes(distPath(distDir, rel)) }));
  return [...chunks, ...inlineScripts(readFileSync(join(distDir, 'index.html'), 'utf8'))];
}

/** Scripts written into index.html itself (the start-up read): on the critical path too, so counted too. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs, body]) => !/\ssrc\s*=/i.test(attrs) && body.trim() !== '')
    .map(([, , body], i) => ({ file: `index.html inline script ${i + 1}`, gzip: gzipSync(Buffer.from(body), { level: 9 }).length }));
}

/**
 * Every URL of the precache manifest that the build injected into sw.js, once each (workbox keys its cache
 * by URL). Entries look like {"revision":"…","url":"…"} (injectManifest) or {url:"…",revision:…} (generateSW).
 */
export function precacheUrls(distDir) {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const entry = /\{\s*"?(?:revision"?\s*:\s*(?:"[^"]*"|null)\s*,\s*"?url"?\s*:\s*"([^"]+)"|url"?\s*:\s*"([^"]+)"\s*,\s*"?revision"?\s*:\s*(?:"[^"]*"|null))\s*\}/g;
  const listed = [...sw.matchAll(entry)].map((m) => m[1] ?? m[2]);
  if (listed.length === 0) throw new Error('No precache manifest found in sw.js');
  return { listed: listed.length, unique: [...new Set(listed)] };
}

export async function measureSizes(distDir) {
  const critical = await criticalChunks(distDir);
  const { listed, unique } = precacheUrls(distDir);
  const precache = unique.map((url) => ({ file: url, gzip: gzipBytes(distPath(distDir, url)) }));
  const sum = (rows) => rows.reduce((n, r) => n + r.gzip, 0);
  const biggest = (rows) => [...rows].sort((a, b) => b.gzip - a.gzip);
  return {
    criticalBytes: sum(critical),
    critical: biggest(critical),
    precacheBytes: sum(precache),
    precache: biggest(precache),
    precacheListed: listed,
  };
}

import { createHash } from 'node:crypto';

/**
 * A strict Content Security Policy for the app shell and the service worker alike: everything comes from
 * this origin, no framing, and no inline script except the exact ones in index.html, pinned by their hash.
 */
export function buildCsp(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** CSP hashes ('sha256-…') of the inline scripts of an HTML page (scripts with a src need none). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `sha256-${createHash('sha256').update(m[1] ?? '', 'utf8').digest('base64')}`,
  );
}

export function securityHeaders(scriptHashes: string[]): Record<string, string> {
  return {
    'content-security-policy': buildCsp(scriptHashes),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}

/**
 * HTTP caching per file: the entry points must always be revalidated so an update is seen; Vite's hashed
 * assets never change under their name.
 */
export function cacheControlFor(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

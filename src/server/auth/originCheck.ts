import type { FastifyRequest } from 'fastify';
import { ServerError } from '../serverError';

/**
 * The Origin check of the cookie-authenticated routes (/api/auth/refresh and /api/auth/logout). The refresh
 * cookie is SameSite=Strict, which already keeps other sites' requests from carrying it in today's browsers;
 * this is the second lock, for older browsers and for "same-site but another origin" (a sibling subdomain
 * of the organisation's domain counts as the same site for SameSite).
 *
 * A request whose Origin (or, without Origin, Referer) is present and is not the server's own origin is
 * refused 403 `badOrigin`. Neither header: allowed, because old browsers' same-origin requests and command-line
 * tools send none, and a browser always sends Origin on a cross-origin POST.
 *
 * The server's own origin is `PUBLIC_URL` when set (e.g. https://veldwerk.gemeente.example); otherwise the
 * request's protocol and Host, where X-Forwarded-Proto/-Host count only from a trusted proxy (trustProxy.ts).
 */
export function checkOrigin(request: FastifyRequest, publicOrigin: string | undefined): void {
  const presented = presentedOrigin(request);
  if (presented === undefined) return;
  const own = publicOrigin ?? originOf(`${request.protocol}://${request.host}`);
  if (presented === null || presented !== own) throw new ServerError(403, 'badOrigin', 'This request does not come from this server’s own pages.');
}

/** undefined: neither header; null: present but not a usable origin (`Origin: null`, a malformed Referer). */
function presentedOrigin(request: FastifyRequest): string | null | undefined {
  const origin = single(request.headers.origin);
  if (origin !== undefined) return origin === 'null' ? null : originOf(origin);
  const referer = single(request.headers.referer);
  return referer === undefined ? undefined : originOf(referer);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `scheme://host[:port]`, lower-case and without a default port, or null when it is not an http(s) URL. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** PUBLIC_URL as the operator wrote it, reduced to its origin; a clear error at start when it is not one. */
export function parsePublicUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const origin = originOf(text);
  if (origin === null) throw new Error(`PUBLIC_URL=${text} is not an http(s) address. Example: PUBLIC_URL=https://veldwerk.gemeente.example`);
  return origin;
}

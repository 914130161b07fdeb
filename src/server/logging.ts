import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';

export interface LogSettings {
  /** pino's level; LOG_LEVEL in main.ts, 'info' by default. */
  level?: string;
  /** Where the JSON lines go (stdout by default); tests read them from here. */
  stream?: NodeJS.WritableStream;
}

/** An id the proxy sent (nginx's $request_id, say) is kept when it looks like one; anything else gets a new one. */
const REQUEST_ID_HEADER = 'x-request-id';
const PROXY_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Query keys whose values are ids, numbers or fixed words (sync cursors and scopes, the audit's filters). The
 * value of any other key is replaced in the log: a query string may one day hold what someone typed.
 */
const LOGGED_QUERY_KEYS = new Set(['scope', 'since', 'after', 'limit', 'protocol', 'caseId', 'userId', 'format']);

/**
 * Fastify's own logger (pino), one JSON object per line with the request id (`reqId`) on every line of a
 * request. Only what is listed here is written: method, path, the harmless part of the query, status, time.
 * Never a body, a header (tokens and cookies are also redacted should a header ever be logged), a name, a note
 * text or a password.
 */
export function loggerOptions(settings: LogSettings = {}): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader'> {
  return {
    logger: {
      level: settings.level ?? 'info',
      ...(settings.stream ? { stream: settings.stream } : {}),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'headers.authorization', 'headers.cookie'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: loggableUrl(req.url ?? '') }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        // A database error's `detail` can quote a value ("Key (email)=(…) exists"): only these fields.
        err: (err: Error & { code?: unknown; statusCode?: unknown }) => ({
          type: err.name,
          message: err.message,
          stack: err.stack ?? '',
          ...(typeof err.code === 'string' ? { code: err.code } : {}),
          ...(typeof err.statusCode === 'number' ? { statusCode: err.statusCode } : {}),
        }),
      },
    },
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers[REQUEST_ID_HEADER];
      return typeof given === 'string' && PROXY_REQUEST_ID.test(given) ? given : randomUUID();
    },
  };
}

/** The path, and of the query only the keys known to hold no personal data; any other pair becomes '-'. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  const kept = [...params].map(([key, value]) => (LOGGED_QUERY_KEYS.has(key) ? `${key}=${encodeURIComponent(value)}` : '-'));
  return `${url.slice(0, at)}?${kept.join('&')}`;
}

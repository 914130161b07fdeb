import type { FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { id } from '../../model/rowSchemas';
import { parseInput } from '../parseInput';

/** The device's install id and app version, sent by the app on every request (src/sync/api.ts). */
export const CLIENT_HEADER = 'x-veldwerk-client';
export const VERSION_HEADER = 'x-veldwerk-version';

const DeviceHeadersSchema = v.object({
  clientId: v.optional(id),
  // A version such as "0.1.0" or "0.1.0+abc123": printable ASCII, short, shown to admins as text.
  appVersion: v.optional(v.pipe(v.string(), v.maxLength(64), v.regex(/^[\x21-\x7e]+$/))),
});

export interface DeviceHeaders {
  clientId?: string;
  appVersion?: string;
}

/** Both headers are optional (an older app, a script): without them nothing is recorded from headers. */
export function deviceHeaders(request: FastifyRequest): DeviceHeaders {
  const one = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const parsed = parseInput(DeviceHeadersSchema, { clientId: one(CLIENT_HEADER), appVersion: one(VERSION_HEADER) });
  return { ...(parsed.clientId ? { clientId: parsed.clientId } : {}), ...(parsed.appVersion ? { appVersion: parsed.appVersion } : {}) };
}

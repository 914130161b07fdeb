import * as v from 'valibot';
import { OrgSettingsSchema } from '../model/admin';
import { COLLECTIONS, type ChangesResponse, type PushResponse, type SnapshotResponse } from './protocol';

/**
 * The one place where the server's bytes become typed values on the device. Anything that does not parse is
 * refused whole: a half-understood page is never written.
 */
const stamp = { version: v.pipe(v.number(), v.integer(), v.minValue(0)), by: v.string(), at: v.string() };
const RowStateSchema = v.object({
  collection: v.picklist(COLLECTIONS),
  id: v.pipe(v.string(), v.minLength(1)),
  scopeId: v.pipe(v.string(), v.minLength(1)),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  deleted: v.boolean(),
  row: v.record(v.string(), v.unknown()),
  fields: v.record(v.string(), v.object(stamp)),
  conflicts: v.array(
    v.object({
      field: v.string(),
      kept: v.object({ value: v.unknown(), ...stamp }),
      proposed: v.object({ value: v.unknown(), by: v.string(), at: v.string() }),
    }),
  ),
});

const PushResponseSchema = v.object({
  protocol: v.number(),
  results: v.array(
    v.object({
      mutationId: v.string(),
      seq: v.number(),
      outcome: v.picklist(['applied', 'conflict', 'rejected', 'deferred']),
      error: v.optional(v.string()),
    }),
  ),
  serverEpoch: v.optional(v.string()),
});
const ChangesResponseSchema = v.object({
  protocol: v.number(),
  scopeId: v.string(),
  rows: v.array(RowStateSchema),
  cursor: v.pipe(v.number(), v.integer(), v.minValue(0)),
  more: v.boolean(),
  serverEpoch: v.optional(v.string()),
});
const SnapshotResponseSchema = v.object({
  protocol: v.number(),
  scopeId: v.string(),
  rows: v.array(RowStateSchema),
  cursor: v.pipe(v.number(), v.integer(), v.minValue(0)),
  nextAfter: v.nullable(v.string()),
  serverEpoch: v.optional(v.string()),
  total: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

export const SessionUserSchema = v.object({
  id: v.string(),
  displayName: v.string(),
  role: v.picklist(['worker', 'coordinator', 'admin']),
  organisationId: v.string(),
  teamIds: v.array(v.string()),
});
export type SessionUser = v.InferOutput<typeof SessionUserSchema>;
const ColleagueSchema = v.object({ id: v.string(), displayName: v.string() });
export type Colleague = v.InferOutput<typeof ColleagueSchema>;
const LoginResponseSchema = v.object({
  accessToken: v.string(),
  expiresIn: v.number(),
  user: SessionUserSchema,
  colleagues: v.optional(v.array(ColleagueSchema), []),
  organisationName: v.optional(v.string(), ''),
  teams: v.optional(v.array(v.object({ id: v.string(), name: v.string() })), []),
  /** The organisation's lock times and retention; a server from before issue 11 sends none. */
  settings: v.optional(OrgSettingsSchema),
  /** The server's epoch (see PushResponse.serverEpoch in protocol.ts); older servers do not send it. */
  serverEpoch: v.optional(v.string()),
  /** Login only: the person's data key, 32 bytes in base64 (db/keyring.ts); servers before issue 13 send none. */
  dataKey: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{43}=$/))),
});
export type LoginResponse = v.InferOutput<typeof LoginResponseSchema>;

export class InvalidResponseError extends Error {
  constructor(what: string) {
    super(`The server sent a ${what} this app does not understand.`);
    this.name = 'InvalidResponseError';
  }
}

function parse<S extends v.GenericSchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw new InvalidResponseError(what);
  return result.output;
}

export const parsePushResponse = (input: unknown): PushResponse => parse(PushResponseSchema, input, 'push answer');
export const parseChanges = (input: unknown): ChangesResponse => parse(ChangesResponseSchema, input, 'page of changes');
export const parseSnapshot = (input: unknown): SnapshotResponse => parse(SnapshotResponseSchema, input, 'snapshot page');
export const parseLogin = (input: unknown): LoginResponse => parse(LoginResponseSchema, input, 'login answer');

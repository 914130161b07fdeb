import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { newId } from '../../../src/model/ids';
import type { Mutation } from '../../../src/model/mutation';
import { PROTOCOL_VERSION, type ChangesResponse, type MutationResult, type RowState, type SnapshotResponse } from '../../../src/sync/protocol';
import { login, type Member } from './testServer';

export async function accessToken(app: FastifyInstance, member: Pick<Member, 'user' | 'password'>): Promise<string> {
  const res = await login(app, member.user.email, member.password);
  expect(res.statusCode).toBe(200);
  return res.json().accessToken as string;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export function pushRaw(app: FastifyInstance, token: string, payload: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/sync/push', headers: auth(token), payload: payload as object });
}

export function getChanges(app: FastifyInstance, token: string, scope: string, since: number, limit?: number): Promise<LightMyRequestResponse> {
  const query: Record<string, string> = { scope, since: String(since), ...(limit ? { limit: String(limit) } : {}) };
  return app.inject({ method: 'GET', url: '/api/sync/changes', headers: auth(token), query });
}

export function getSnapshot(app: FastifyInstance, token: string, scope: string, after?: string, limit?: number): Promise<LightMyRequestResponse> {
  const query: Record<string, string> = { scope, ...(after ? { after } : {}), ...(limit ? { limit: String(limit) } : {}) };
  return app.inject({ method: 'GET', url: '/api/sync/snapshot', headers: auth(token), query });
}

/** Every row of a scope since `since`, following `more` page by page. */
export async function pullAll(app: FastifyInstance, token: string, scope: string, since = 0, limit?: number): Promise<{ rows: RowState[]; cursor: number; pages: number }> {
  const rows: RowState[] = [];
  let cursor = since;
  for (let pages = 1; ; pages++) {
    const res = await getChanges(app, token, scope, cursor, limit);
    expect(res.statusCode).toBe(200);
    const page = res.json() as ChangesResponse;
    rows.push(...page.rows);
    cursor = page.cursor;
    if (!page.more) return { rows, cursor, pages };
  }
}

export async function snapshotAll(app: FastifyInstance, token: string, scope: string, limit?: number): Promise<SnapshotResponse[]> {
  const pages: SnapshotResponse[] = [];
  let after: string | undefined;
  do {
    const res = await getSnapshot(app, token, scope, after, limit);
    expect(res.statusCode).toBe(200);
    pages.push(res.json() as SnapshotResponse);
    after = pages.at(-1)!.nextAfter ?? undefined;
  } while (after);
  return pages;
}

export interface Entry {
  mutationId: string;
  seq: number;
  createdAt: string;
  mutation: Mutation;
  base: Record<string, number>;
}

/** A device: one client id and its dense seq, as the app's outbox numbers its entries. */
export class Device {
  readonly clientId = newId();
  private seq = 0;
  constructor(
    public app: FastifyInstance,
    public token: string,
  ) {}

  entry(mutation: Mutation, base: Record<string, number> = {}, createdAt = new Date()): Entry {
    return { mutationId: newId(), seq: ++this.seq, createdAt: createdAt.toISOString(), mutation, base };
  }

  send(entries: Entry[], app: FastifyInstance = this.app): Promise<LightMyRequestResponse> {
    return pushRaw(app, this.token, { protocol: PROTOCOL_VERSION, clientId: this.clientId, mutations: entries });
  }

  async push(entries: Entry[], app?: FastifyInstance): Promise<MutationResult[]> {
    const res = await this.send(entries, app);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results as MutationResult[];
  }
}

export const outcomes = (results: MutationResult[]) => results.map((r) => r.error ?? r.outcome);

import { assertNever, type Collection } from './collections';
import type { Mutation } from './mutation';

/**
 * ⚠ What each change type does, in one place: which collection it touches and which field paths it sets to
 * which values. The device lays it over pulled rows and computes its conflict base from it, the server decides
 * and applies it from it, and a settled conflict is turned back into a change with it. The switches are
 * exhaustive: a new change type that is not described here does not compile.
 */
export type ChangeEffect =
  | { kind: 'create'; collection: Collection; row: { id: string; scopeId: string } & object; caseId?: string }
  | { kind: 'set'; collection: Collection; id: string; values: Record<string, unknown> };

export function effectOf(m: Mutation): ChangeEffect {
  switch (m.type) {
    case 'case.create':
      return { kind: 'create', collection: 'cases', row: m.row };
    case 'note.add':
    case 'note.addAddendum':
      return { kind: 'create', collection: 'notes', row: m.row, caseId: m.row.caseId };
    case 'followUp.add':
      return { kind: 'create', collection: 'followUps', row: m.row, caseId: m.row.caseId };
    case 'partner.create':
      return { kind: 'create', collection: 'partners', row: m.row };
    case 'example.create':
      return { kind: 'create', collection: 'examples', row: m.row };
    case 'instrumentRun.start':
      // A network instrument run has caseId '': it hangs under no case.
      return { kind: 'create', collection: 'instrumentRuns', row: m.row, ...(m.row.caseId ? { caseId: m.row.caseId } : {}) };
    case 'case.setFields':
      return set('cases', m.id, bodyValues(m.fields));
    case 'case.transition':
      return set('cases', m.id, { status: m.status });
    case 'followUp.complete':
      return set('followUps', m.id, { status: 'done', doneAt: m.doneAt });
    case 'followUp.reopen':
      return set('followUps', m.id, { status: 'open', doneAt: '' });
    case 'partner.setFields':
      return set('partners', m.id, { ...bodyValues(m.fields), ...(m.themes ? { themes: m.themes } : {}) });
    case 'example.setFields':
      return set('examples', m.id, { ...bodyValues(m.fields), ...(m.themes ? { themes: m.themes } : {}) });
    case 'instrumentRun.setAnswers':
      return set('instrumentRuns', m.id, bodyValues(m.answers));
    case 'instrumentRun.setStatus':
      return set('instrumentRuns', m.id, { status: m.status });
    default:
      return assertNever(m);
  }
}

/** The collection a change touches. */
export function collectionOf(m: Mutation): Collection {
  return effectOf(m).collection;
}

/** The id of the row a change is about. */
export function targetId(m: Mutation): string {
  const effect = effectOf(m);
  return effect.kind === 'create' ? effect.row.id : effect.id;
}

/**
 * The field paths a change sets, as sync versions them: `body.<key>` for body fields, plus top-level fields such
 * as `status`, `themes`, `doneAt`. Creates carry whole new rows and change no existing field.
 */
export function changedPaths(m: Mutation): string[] {
  const effect = effectOf(m);
  return effect.kind === 'set' ? Object.keys(effect.values) : [];
}

type AnyRow = Record<string, unknown> & { body?: Record<string, unknown> };

/**
 * A queued change laid over a row that just arrived from the server, so a pull never seems to undo what the
 * user did on this device while the change is still on its way. Creates are skipped: their row is the row.
 */
export function overlay<R extends AnyRow>(row: R, m: Mutation): R {
  const effect = effectOf(m);
  return effect.kind === 'set' ? (withFieldValues(row, effect.values) as R) : row;
}

/** The row with field path values written into it (`body.x` into its body); other keys stay as they were. */
export function withFieldValues(row: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const current = row.body;
  const body: Record<string, unknown> = { ...(typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : {}) };
  const next: Record<string, unknown> = { ...row, body };
  for (const [path, value] of Object.entries(values)) {
    if (path.startsWith(BODY)) body[path.slice(BODY.length)] = value;
    else next[path] = value;
  }
  return next;
}

export const BODY = 'body.';

function set(collection: Collection, id: string, values: Record<string, unknown>): ChangeEffect {
  return { kind: 'set', collection, id, values };
}

function bodyValues(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined).map(([key, value]) => [BODY + key, value]));
}

/**
 * What a queued change is about, kept beside it in plaintext when its values are sealed (issue 13): enough to
 * find the changes about a row, a case or a team, and the field paths it sets, without opening it. Ids, scope
 * ids and field names only, never a value.
 */
export interface ChangeAbout {
  collection: Collection;
  id: string;
  kind: ChangeEffect['kind'];
  /** The case a created note, follow-up or ecogram hangs under. */
  caseId?: string;
  /** The scope of a created row. */
  scopeId?: string;
  paths: string[];
}

export function aboutChange(m: Mutation): ChangeAbout {
  const effect = effectOf(m);
  if (effect.kind === 'set') return { collection: effect.collection, id: effect.id, kind: 'set', paths: Object.keys(effect.values) };
  return {
    collection: effect.collection,
    id: effect.row.id,
    kind: 'create',
    scopeId: effect.row.scopeId,
    ...(effect.caseId !== undefined ? { caseId: effect.caseId } : {}),
    paths: [],
  };
}

/**
 * Whether a change carries client data (a case's, note's, follow-up's or ecogram's words): those are sealed in
 * the outbox. A status change, a completion and the organisation's directory carry none.
 */
export type ClientDataMutation = Extract<Mutation, { type: 'case.create' | 'case.setFields' | 'note.add' | 'note.addAddendum' | 'followUp.add' | 'instrumentRun.start' | 'instrumentRun.setAnswers' }>;

export function carriesClientData(m: Mutation): m is ClientDataMutation {
  switch (m.type) {
    case 'case.create':
    case 'case.setFields':
    case 'note.add':
    case 'note.addAddendum':
    case 'followUp.add':
    case 'instrumentRun.start':
    case 'instrumentRun.setAnswers':
      return true;
    case 'case.transition':
    case 'followUp.complete':
    case 'followUp.reopen':
    case 'partner.create':
    case 'partner.setFields':
    case 'example.create':
    case 'example.setFields':
    case 'instrumentRun.setStatus':
      return false;
    default:
      return assertNever(m);
  }
}

import type { CaseFile } from './caseFile';
import type { Example } from './example';
import type { FollowUp } from './followUp';
import { isCaseInstrument, type InstrumentBody, type InstrumentRun } from './instrumentRun';
import type { Mutation } from './mutation';
import type { Partner } from './partner';
import type { VisitNote } from './visitNote';

/** Everything a device holds of its own, before anyone signed in: the demo data set and what was made locally. */
export interface LocalRows {
  cases: CaseFile[];
  notes: VisitNote[];
  followUps: FollowUp[];
  partners: Partner[];
  examples: Example[];
  instrumentRuns: InstrumentRun[];
}

export interface AdoptedRows {
  rows: LocalRows;
  /** Old id → new id, for the device-local tables that point at rows (drafts, case views). */
  ids: Map<string, string>;
  /** One create per adopted row, in an order the server can apply (a case before its notes). */
  creates: Mutation[];
}

/**
 * Makes local rows the signed-in person's own new rows: fresh ids (a demo id may exist on the server in another
 * scope), the person's team for client data and their organisation for shared knowledge, no server versions,
 * stamps or conflicts (the server never saw them), and references between the rows kept.
 */
export function adoptRows(local: LocalRows, target: { teamId: string; organisationId: string }, newId: () => string): AdoptedRows {
  const ids = new Map<string, string>();
  const all = [...local.cases, ...local.notes, ...local.followUps, ...local.partners, ...local.examples, ...local.instrumentRuns];
  for (const row of all) ids.set(row.id, newId());
  const to = (id: string): string => ids.get(id) ?? id;
  const fresh = <R extends { id: string; scopeId: string; version: number; fields?: unknown; conflicts?: unknown }>(row: R, scopeId: string): R => {
    const copy: R = { ...row, id: to(row.id), scopeId, version: 0 };
    delete copy.fields;
    delete copy.conflicts;
    return copy;
  };
  const team = target.teamId;
  const org = target.organisationId;
  const rows: LocalRows = {
    cases: local.cases.map((c) => fresh(c, team)),
    notes: local.notes.map((n) => ({ ...fresh(n, team), caseId: to(n.caseId), body: { ...n.body, opvolging: { ...n.body.opvolging, referrals: n.body.opvolging.referrals.map((r) => ({ ...r, partnerId: to(r.partnerId) })) } } })),
    followUps: local.followUps.map((f) => ({ ...fresh(f, team), caseId: to(f.caseId), noteId: f.noteId ? to(f.noteId) : '' })),
    partners: local.partners.map((p) => fresh(p, org)),
    examples: local.examples.map((e) => ({ ...fresh(e, org), body: { ...e.body, partnerIds: e.body.partnerIds.map(to) } })),
    instrumentRuns: local.instrumentRuns.map((r) => ({
      ...fresh(r, isCaseInstrument(r.instrument) ? team : org),
      caseId: r.caseId ? to(r.caseId) : '',
      body: renameKeys(r.body, to),
    })),
  };
  const creates: Mutation[] = [
    ...rows.partners.map((row): Mutation => ({ type: 'partner.create', row })),
    ...rows.examples.map((row): Mutation => ({ type: 'example.create', row })),
    ...rows.cases.map((row): Mutation => ({ type: 'case.create', row })),
    ...rows.notes.map((row): Mutation => ({ type: 'note.add', row })),
    ...rows.followUps.map((row): Mutation => ({ type: 'followUp.add', row })),
    ...rows.instrumentRuns.map((row): Mutation => ({ type: 'instrumentRun.start', row })),
  ];
  return { rows, ids, creates };
}

/** A grid keys its placements by partner id (`p:<id>`): a renamed partner keeps its place. */
function renameKeys(body: InstrumentBody, to: (id: string) => string): InstrumentBody {
  const out: InstrumentBody = {};
  for (const [key, value] of Object.entries(body)) {
    const match = /^p:(.+)$/.exec(key);
    out[match ? `p:${to(match[1]!)}` : key] = value;
  }
  return out;
}

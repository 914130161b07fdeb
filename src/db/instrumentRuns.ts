import { compareCodeUnits } from '../model/order';
import { db, read, write } from './connection';
import { currentWorkspace } from './workspace';
import { queue } from './outbox';
import { AppError } from '../model/appError';
import { newId } from '../model/ids';
import {
  AnswersSchema,
  changedAnswers,
  InstrumentBodySchema,
  isCaseInstrument,
  type Answers,
  type InstrumentKind,
  type InstrumentRun,
  type RunStatus,
} from '../model/instrumentRun';
import { freshStamp } from '../model/rows';
import { check } from '../model/validation';

/** Instrument runs, most recently changed first: of one case, or every run on this device. */
export function listInstrumentRuns(filter: { caseId?: string; instrument?: InstrumentKind } = {}): Promise<InstrumentRun[]> {
  return read(async () => {
    const table = db().instrumentRuns;
    const rows = filter.caseId !== undefined ? await table.where('caseId').equals(filter.caseId).toArray() : await table.toArray();
    return rows.filter((r) => !filter.instrument || r.instrument === filter.instrument).sort((a, b) => compareCodeUnits(b.updatedAt, a.updatedAt));
  });
}

export function getInstrumentRun(id: string): Promise<InstrumentRun | undefined> {
  return read(() => db().instrumentRuns.get(id));
}

export interface StartRun {
  instrument: InstrumentKind;
  title: string;
  /** Required for a client instrument (ecogram), absent for a network instrument. */
  caseId?: string;
}

/**
 * Starts a run. A client instrument lives in its case's team scope, so exactly that team sees it, like the case's
 * notes; a network instrument belongs to the organisation.
 */
export async function startInstrumentRun(start: StartRun, now = new Date()): Promise<InstrumentRun> {
  const forCase = isCaseInstrument(start.instrument);
  if (forCase !== Boolean(start.caseId)) throw new AppError('invalidInput', [{ path: 'caseId', code: forCase ? 'required' : 'invalid' }]);
  const checked = check(InstrumentBodySchema, { title: start.title.trim() });
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  return write(['instrumentRuns', 'cases', 'meta', 'outbox'], async () => {
    let scopeId: string;
    if (start.caseId) {
      const owner = await db().cases.get(start.caseId);
      if (!owner) throw new AppError('notFound');
      scopeId = owner.scopeId;
    } else {
      scopeId = (await currentWorkspace()).organisationId;
    }
    const row: InstrumentRun = {
      id: newId(now.getTime()),
      scopeId,
      instrument: start.instrument,
      caseId: start.caseId ?? '',
      status: 'open',
      ...freshStamp(now),
      body: checked.value,
    };
    await db().instrumentRuns.add(row);
    await queue({ type: 'instrumentRun.start', row }, now);
    return row;
  });
}

/**
 * Saves answers: only those that differ from what is stored are written and queued, so a run saved as the user
 * types costs one small change per pause, and an unchanged save costs nothing.
 */
export async function saveAnswers(id: string, answers: Answers, now = new Date()): Promise<void> {
  const checked = check(AnswersSchema, answers);
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  await write(['instrumentRuns', 'outbox'], async () => {
    const prev = await db().instrumentRuns.get(id);
    if (!prev) throw new AppError('notFound');
    const changed = changedAnswers(prev.body, checked.value);
    if (Object.keys(changed).length === 0) return;
    const body = { ...prev.body, ...changed };
    const valid = check(InstrumentBodySchema, body);
    if (!valid.ok) throw new AppError('invalidInput', valid.problems);
    await db().instrumentRuns.put({ ...prev, body, updatedAt: now.toISOString() });
    await queue({ type: 'instrumentRun.setAnswers', id, answers: changed }, now, prev);
  });
}

/** Marks a run done (or open again); a done run stays listed and can still be printed or reopened. */
export async function setRunStatus(id: string, status: RunStatus, now = new Date()): Promise<void> {
  await write(['instrumentRuns', 'outbox'], async () => {
    const prev = await db().instrumentRuns.get(id);
    if (!prev) throw new AppError('notFound');
    if (prev.status === status) return;
    await db().instrumentRuns.put({ ...prev, status, updatedAt: now.toISOString() });
    await queue({ type: 'instrumentRun.setStatus', id, status }, now, prev);
  });
}

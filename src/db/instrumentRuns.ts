import { compareCodeUnits } from '../model/order';
import { changeSealedRow } from './changeSealedRow';
import { db, read, write } from './connection';
import { currentWorkspace } from './workspace';
import { prepareChange, queue, queuePrepared } from './outbox';
import { openRow, openRows, sealRow } from './sealedRows';
import { keepObserving } from './sealing';
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
  return keepObserving(read(async () => {
    const table = db().instrumentRuns;
    const stored = filter.caseId !== undefined ? await table.where('caseId').equals(filter.caseId).toArray() : await table.toArray();
    const rows = await openRows<InstrumentRun>('instrumentRuns', stored);
    return rows.filter((r) => !filter.instrument || r.instrument === filter.instrument).sort((a, b) => compareCodeUnits(b.updatedAt, a.updatedAt));
  }));
}

export function getInstrumentRun(id: string): Promise<InstrumentRun | undefined> {
  return keepObserving(read(async () => openRow<InstrumentRun>('instrumentRuns', await db().instrumentRuns.get(id))));
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
  // The owning scope is read first: the row is sealed before its transaction (db/sealing.ts says why).
  let scopeId: string;
  if (start.caseId) {
    const owner = await read(() => db().cases.get(start.caseId!));
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
  const [stored, change] = await read(() => Promise.all([sealRow('instrumentRuns', row), prepareChange({ type: 'instrumentRun.start', row }, now)]));
  return write(['instrumentRuns', 'cases', 'outbox'], async () => {
    if (start.caseId && !(await db().cases.get(start.caseId))) throw new AppError('notFound');
    await db().instrumentRuns.add(stored);
    await queuePrepared(change);
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
  await changeSealedRow<InstrumentRun>(
    'instrumentRuns',
    id,
    (prev) => {
      const changed = changedAnswers(prev.body, checked.value);
      if (Object.keys(changed).length === 0) return null;
      const body = { ...prev.body, ...changed };
      const valid = check(InstrumentBodySchema, body);
      if (!valid.ok) throw new AppError('invalidInput', valid.problems);
      return { next: { ...prev, body, updatedAt: now.toISOString() }, mutation: { type: 'instrumentRun.setAnswers', id, answers: changed } };
    },
    now,
  );
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

import { beforeEach, describe, expect, it } from 'vitest';
import { isSealed } from '../../../src/crypto/seal';
import { createCase, getCase, listCaseload, updateCase } from '../../../src/db/cases';
import { db } from '../../../src/db/connection';
import { listConflicts } from '../../../src/db/conflicts';
import { saveDraft } from '../../../src/db/drafts';
import { addFollowUp, listFollowUpsOfCase } from '../../../src/db/followUps';
import { watch } from '../../../src/db/live';
import { saveAnswers, startInstrumentRun, getInstrumentRun } from '../../../src/db/instrumentRuns';
import { forgetKey, keyAtSignIn, unlockWithPassword } from '../../../src/db/keyring';
import { getMeta, setMeta } from '../../../src/db/meta';
import { latestNotesOfCase, saveVisitNote } from '../../../src/db/notes';
import { listOutbox } from '../../../src/db/outbox';
import { sealAtRest, stillPlaintext } from '../../../src/db/sealAtRest';
import { optimistic, STALE } from '../../../src/db/sealing';
import { applyPage } from '../../../src/db/syncStore';
import { overlay } from '../../../src/model/changes';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { freshDb } from './freshDb';

const FAST = { iterations: 1000, testOnlyAllowFewIterations: true } as const;
const MARKER = 'Kwartelkoning';
const codeOf = (p: Promise<unknown>) => p.then(() => 'done', (e: { code?: string }) => e.code ?? String(e));
const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 9, minute));

/** Everything in the device database, bytes included as text: where a marker would show if it were stored plain. */
async function rawStorage(): Promise<string> {
  const parts: string[] = [];
  for (const table of db().tables) {
    parts.push(JSON.stringify(await table.toArray(), (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v)));
  }
  return parts.join('\n');
}

async function signedIn(fill = 9) {
  await keyAtSignIn(new Uint8Array(32).fill(fill), 'wachtwoord', FAST);
  await setMeta('sessionUser', { id: 'user-an', organisationId: 'org-a', teamIds: ['team-a'] });
}

/** A case, a saved note with an agreed follow-up, an ecogram with answers and a draft, each with the marker. */
async function clientData() {
  const kase = await createCase('team-a', { ...emptyCaseBody(), label: `Gezin ${MARKER} (fictief)` }, at(1));
  const body = emptyVisitNote('2026-12-03');
  await saveVisitNote(
    { caseId: kase.id, body: { ...body, observaties: { ...body.observaties, facts: `Gezien: ${MARKER}` } }, followUps: [{ dueDate: '2026-12-10', body: { title: `Bel ${MARKER}`, who: 'ik', kind: 'task' } }] },
    at(2),
  );
  const run = await startInstrumentRun({ instrument: 'ecogram', title: `Netwerk ${MARKER}`, caseId: kase.id }, at(3));
  await saveAnswers(run.id, { title: `Netwerk ${MARKER}`, 'person:p1': { kind: 'person', name: `Tante ${MARKER}`, group: 'family', tie: 'strong', supports: [], note: '' } }, at(4));
  await saveDraft(kase.id, { ...body, observaties: { ...body.observaties, facts: `Nog te bewaren: ${MARKER}` } }, at(5));
  return { kase, run };
}

beforeEach(() => {
  freshDb();
  forgetKey();
});

describe('client data at rest on a signed-in device', () => {
  it('is sealed in every table and queued change, and reads back whole', async () => {
    await signedIn();
    const { kase, run } = await clientData();
    expect(await rawStorage()).not.toContain(MARKER);
    expect(isSealed((await db().cases.get(kase.id))?.body)).toBe(true);
    expect((await getCase(kase.id))?.body.label).toContain(MARKER);
    expect((await listCaseload()).map((item) => item.caseFile.body.label)).toEqual([`Gezin ${MARKER} (fictief)`]);
    expect((await latestNotesOfCase(kase.id))[0]?.body.observaties.facts).toContain(MARKER);
    expect((await listFollowUpsOfCase(kase.id))[0]?.body.title).toContain(MARKER);
    expect((await getInstrumentRun(run.id))?.body.title).toContain(MARKER);
    expect((await listOutbox()).map((entry) => entry.mutation.type)).toEqual(['case.create', 'note.add', 'followUp.add', 'instrumentRun.start', 'instrumentRun.setAnswers']);
    expect(JSON.stringify((await listOutbox())[0]?.mutation)).toContain(MARKER);
  });

  it('keeps pulled conflicts sealed too, and lists them opened', async () => {
    await signedIn();
    const conflict = { field: 'body.phone', kept: { value: `${MARKER} 1`, version: 3, by: 'user-bo', at: '2026-12-01T10:00:00Z' }, proposed: { value: `${MARKER} 2`, by: 'user-an', at: '2026-12-01T10:01:00Z' } };
    const row = { id: 'case-x', scopeId: 'team-a', status: 'open', createdAt: '2026-12-01T09:00:00Z', updatedAt: '2026-12-01T10:00:00Z', version: 3, body: { ...emptyCaseBody(), label: 'Gezin X (fictief)' }, conflicts: [conflict] };
    await applyPage([{ collection: 'cases', id: row.id, deleted: false, row }], { scopeId: 'team-a', cursor: 3, snapshot: null });
    expect(await rawStorage()).not.toContain(MARKER);
    expect(isSealed((await db().cases.get('case-x'))?.conflicts)).toBe(true);
    expect((await listConflicts()).map((item) => [item.title, item.conflict.kept.value])).toEqual([['Gezin X (fictief)', `${MARKER} 1`]]);
  });

  it('stores a pulled row with the changes still queued about it laid over it, sealed as well', async () => {
    await signedIn();
    const kase = await createCase('team-a', { ...emptyCaseBody(), label: 'Gezin Y (fictief)' }, at(1));
    await updateCase(kase.id, { ...emptyCaseBody(), label: 'Gezin Y (fictief)', phone: `${MARKER} 0470` }, at(2));
    const pulled = { ...kase, version: 2, body: { ...emptyCaseBody(), label: 'Gezin Y, van de server (fictief)', address: `${MARKER}straat 1` } };
    const other = { ...kase, id: 'case-z', version: 3, body: { ...emptyCaseBody(), label: `Gezin ${MARKER} Z (fictief)` } };
    await applyPage(
      [
        { collection: 'cases', id: kase.id, deleted: false, row: pulled },
        { collection: 'cases', id: other.id, deleted: false, row: other },
      ],
      { scopeId: 'team-a', cursor: 3, snapshot: null },
    );
    expect(await rawStorage()).not.toContain(MARKER);
    expect((await getCase(kase.id))?.body).toMatchObject({ label: 'Gezin Y, van de server (fictief)', address: `${MARKER}straat 1`, phone: `${MARKER} 0470` });
    expect((await getCase(other.id))?.body.label).toBe(`Gezin ${MARKER} Z (fictief)`);
  });

  it('is refused while locked (nothing written plain), read after the unlock, and refused when damaged or moved', async () => {
    await signedIn();
    const kase = await createCase('team-a', { ...emptyCaseBody(), label: `Gezin ${MARKER}` }, at(1));
    const other = await createCase('team-a', { ...emptyCaseBody(), label: 'Gezin Ander' }, at(2));
    forgetKey();
    expect(await codeOf(createCase('team-a', { ...emptyCaseBody(), label: 'Tijdens het slot' }))).toBe('locked');
    expect(await codeOf(updateCase(kase.id, { ...emptyCaseBody(), label: 'Tijdens het slot' }))).toBe('locked');
    let label: string | undefined;
    const reading = getCase(kase.id).then((c) => (label = c?.body.label));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(label).toBeUndefined();
    await unlockWithPassword('wachtwoord', FAST);
    await reading;
    expect(label).toBe(`Gezin ${MARKER}`);
    expect(await db().cases.count()).toBe(2);

    const stored = (await db().cases.get(kase.id))!;
    await db().cases.put({ ...(await db().cases.get(other.id))!, body: stored.body });
    expect(await codeOf(getCase(other.id))).toBe('cannotDecrypt');
    const ct = new Uint8Array((stored.body as { ct: Uint8Array }).ct);
    ct[0] = ct[0]! ^ 1;
    await db().cases.put({ ...stored, body: { ...(stored.body as object), ct } as never });
    expect(await codeOf(getCase(kase.id))).toBe('cannotDecrypt');
  });
});

describe('live queries over sealed data', () => {
  it.each([
    ['sealed', true],
    ['plaintext', false],
  ])('go on observing what they read after opening something (as the case screen reads notes, then follow-ups): %s', async (_name, sealed) => {
    if (sealed) await signedIn();
    const { kase } = await clientData();
    const seen: number[] = [];
    const stop = watch(
      async () => {
        await latestNotesOfCase(kase.id);
        await getCase(kase.id);
        return (await listFollowUpsOfCase(kase.id)).length;
      },
      (n) => seen.push(n),
      () => seen.push(-1),
    );
    await expect.poll(() => seen.at(-1)).toBe(1);
    await addFollowUp(kase.id, { dueDate: '2026-12-20', body: { title: 'Nog een afspraak (fictief)', who: 'ik', kind: 'task' } }, at(9));
    await expect.poll(() => seen.at(-1)).toBe(2);
    stop();
  });
});

describe('a change that reads what it changes (optimistic)', () => {
  it('is prepared again while its commit finds the rows changed, and gives up as busy after the last try', async () => {
    let prepared = 0;
    expect(await optimistic(async () => ++prepared, async (n) => (n < 3 ? STALE : `klaar na ${n}`))).toBe('klaar na 3');
    expect(await codeOf(optimistic(async () => 0, async () => STALE, 4))).toBe('busy');
  });

  it('two edits of one case at once: the queued changes still rebuild exactly the stored row', async () => {
    await signedIn();
    const kase = await createCase('team-a', { ...emptyCaseBody(), label: 'Gezin Gelijktijdig (fictief)' }, at(1));
    // Both read the same row; whichever commits second finds it changed and is made again from the first's result.
    await Promise.all([updateCase(kase.id, { ...kase.body, household: 'Moeder en twee kinderen' }, at(2)), updateCase(kase.id, { ...kase.body, phone: '0470 00 00 00' }, at(3))]);
    const stored = (await getCase(kase.id))!;
    let rebuilt: Record<string, unknown> & { body?: Record<string, unknown> } = { ...kase };
    for (const entry of (await listOutbox()).slice(1)) rebuilt = overlay(rebuilt, entry.mutation);
    expect(rebuilt.body).toEqual(stored.body);
  });
});

describe('sealing in place what was stored before the device had a key', () => {
  it('seals every row, draft and queued change once, leaves them readable, and then only looks at its flag', async () => {
    const { kase } = await clientData();
    expect(await rawStorage()).toContain(MARKER);
    await signedIn();
    expect(await stillPlaintext()).toBeGreaterThan(0);

    const tally = await sealAtRest();
    expect(tally.left).toBe(0);
    expect(tally.sealed).toBeGreaterThanOrEqual(10);
    expect(await stillPlaintext()).toBe(0);
    expect(await rawStorage()).not.toContain(MARKER);
    expect((await getCase(kase.id))?.body.label).toContain(MARKER);
    expect((await latestNotesOfCase(kase.id))[0]?.body.observaties.facts).toContain(MARKER);
    expect((await listOutbox()).map((entry) => JSON.stringify(entry.mutation)).join()).toContain(MARKER);
    expect(await getMeta('sealedAtRest')).toBe(true);
    expect(await sealAtRest()).toEqual({ sealed: 0, left: 0 });
  });

  it('does nothing without a key in memory', async () => {
    await clientData();
    expect(await sealAtRest()).toEqual({ sealed: 0, left: 0 });
    expect(await stillPlaintext()).toBeGreaterThan(0);
  });
});

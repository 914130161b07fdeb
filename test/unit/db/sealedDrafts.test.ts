import { beforeEach, describe, expect, it } from 'vitest';
import { isSealed } from '../../../src/crypto/seal';
import { db } from '../../../src/db/connection';
import { getDraft, listDrafts, saveDraft, visitDraftId } from '../../../src/db/drafts';
import { forgetKey, keyAtSignIn, unlockWithPassword } from '../../../src/db/keyring';
import { emptyVisitNote, type VisitNoteBody } from '../../../src/model/visitNote';
import { freshDb } from './freshDb';

const FAST = { iterations: 1000, testOnlyAllowFewIterations: true } as const;
const MARKER = 'Markeerwoord-Kwartel (fictief)';
const codeOf = (p: Promise<unknown>) => p.then(() => 'done', (e: { code?: string }) => e.code ?? String(e));

function typed(facts: string): VisitNoteBody {
  const body = emptyVisitNote('2026-12-01');
  return { ...body, observaties: { ...body.observaties, facts } };
}
const raw = async (caseId: string) => db().drafts.get(visitDraftId(caseId));

beforeEach(() => {
  freshDb();
  forgetKey();
});

describe('visit note drafts at rest', () => {
  it('stay plaintext on a device nobody signed in to (the demo, work before signing in)', async () => {
    await saveDraft('c1', typed(MARKER));
    expect((await raw('c1'))?.body).toEqual(typed(MARKER));
    expect((await getDraft(visitDraftId('c1')))?.body).toEqual(typed(MARKER));
  });

  it('are sealed once someone signed in: nothing of the text in storage, all of it on reading', async () => {
    await keyAtSignIn(new Uint8Array(32).fill(5), 'wachtwoord', FAST);
    await saveDraft('c1', typed(MARKER));
    await saveDraft('c2', typed('tweede (fictief)'), new Date('2026-12-02T10:00:00Z'));
    const stored = await raw('c1');
    expect(isSealed(stored?.body)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('Kwartel');
    expect(new TextDecoder().decode((stored?.body as unknown as { ct: Uint8Array }).ct)).not.toContain('Kwartel');
    expect((await getDraft(visitDraftId('c1')))?.body).toEqual(typed(MARKER));
    expect((await listDrafts()).map((d) => d.body.observaties.facts).sort()).toEqual([MARKER, 'tweede (fictief)']);
  });

  it('while locked: a save is refused as locked, a read waits for the unlock, and one that must not wait says locked', async () => {
    await keyAtSignIn(new Uint8Array(32).fill(6), 'wachtwoord', FAST);
    await saveDraft('c1', typed(MARKER));
    forgetKey();
    expect(await codeOf(saveDraft('c1', typed('tijdens het slot')))).toBe('locked');
    expect(await codeOf(listDrafts({ waitForUnlock: false }))).toBe('locked');
    let read: VisitNoteBody | undefined;
    const reading = getDraft(visitDraftId('c1')).then((draft) => (read = draft?.body));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(read).toBeUndefined();
    await unlockWithPassword('wachtwoord', FAST);
    await reading;
    expect(read).toEqual(typed(MARKER));
  });

  it('refuses a sealed text moved to another draft, never showing it as another case’s', async () => {
    await keyAtSignIn(new Uint8Array(32).fill(7), 'wachtwoord', FAST);
    await saveDraft('c1', typed(MARKER));
    const stored = await raw('c1');
    await db().drafts.put({ ...stored!, id: visitDraftId('c2'), caseId: 'c2' });
    expect(await codeOf(getDraft(visitDraftId('c2')))).toBe('cannotDecrypt');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { isSealed } from '../../../src/crypto/seal';
import { db } from '../../../src/db/connection';
import { countDrafts, listDrafts, listTypedDrafts, saveDraft } from '../../../src/db/drafts';
import { dropKeptForm, keepForm, takeKeptForm } from '../../../src/db/keptForms';
import { forgetKey, keyAtSignIn, unlockWithPassword } from '../../../src/db/keyring';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { freshDb } from './freshDb';

const FAST = { iterations: 1000, testOnlyAllowFewIterations: true } as const;
const MARKER = 'Formulierwoord-Grutto (fictief)';
const codeOf = (p: Promise<unknown>) => p.then(() => 'done', (e: { code?: string }) => e.code ?? String(e));

beforeEach(() => {
  freshDb();
  forgetKey();
});

describe('a plain form kept over a lock', () => {
  it('is sealed: nothing of the typed text in storage, all of it when taken back after the unlock', async () => {
    await keyAtSignIn(new Uint8Array(32).fill(3), 'wachtwoord', FAST);
    const values = { label: MARKER, phone: '', address: '' };
    await keepForm('case:new', values);
    const stored = await db().drafts.get('form:case:new');
    expect(isSealed(stored?.body)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('Grutto');
    expect(new TextDecoder().decode((stored?.body as { ct: Uint8Array }).ct)).not.toContain('Grutto');

    forgetKey(); // the full lock
    const taking = takeKeptForm('case:new');
    await unlockWithPassword('wachtwoord', FAST);
    expect(await taking).toEqual(values);
  });

  it('refuses to keep without the key on a locked device, rather than writing it readable', async () => {
    await keyAtSignIn(new Uint8Array(32).fill(3), 'wachtwoord', FAST);
    forgetKey();
    expect(await codeOf(keepForm('case:new', { label: MARKER }))).toBe('locked');
    expect(await db().drafts.count()).toBe(0);
  });

  it('refuses a kept form moved to another place', async () => {
    await keyAtSignIn(new Uint8Array(32).fill(3), 'wachtwoord', FAST);
    await keepForm('case:new', { label: MARKER });
    const stored = await db().drafts.get('form:case:new');
    await db().drafts.put({ ...stored!, id: 'form:partner:new' });
    expect(await codeOf(takeKeptForm('partner:new'))).toBe('cannotDecrypt');
  });

  it('is one per place, gone once dropped, and nothing for a place never kept', async () => {
    await keyAtSignIn(new Uint8Array(32).fill(3), 'wachtwoord', FAST);
    await keepForm('followUp:c1', { title: 'eerste' });
    await keepForm('followUp:c1', { title: 'tweede' });
    expect(await takeKeptForm('followUp:c1')).toEqual({ title: 'tweede' });
    await dropKeptForm('followUp:c1');
    expect(await takeKeptForm('followUp:c1')).toBeUndefined();
    expect(await takeKeptForm('partner:new')).toBeUndefined();
  });

  it('does not count as a visit note draft (sign-out is not held up by it), but its words are listed as typed text', async () => {
    await keyAtSignIn(new Uint8Array(32).fill(3), 'wachtwoord', FAST);
    await saveDraft('c1', { ...emptyVisitNote('2026-12-01') });
    await keepForm('case:new', { label: MARKER });
    expect(await countDrafts()).toBe(1);
    expect((await listDrafts()).map((d) => d.id)).toEqual(['visit:c1']);
    expect((await listTypedDrafts()).map((d) => d.id).sort()).toEqual(['form:case:new', 'visit:c1']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { dropKept, holdForm, installFormKeeper, keepUnsavedForms, keptValues, type FormKeeper } from '../../../src/ui/keptForms';

/** A keeper in memory, as db/keptForms.ts is in IndexedDB. */
function memoryKeeper(failing: string[] = []): FormKeeper & { stored: Map<string, unknown> } {
  const stored = new Map<string, unknown>();
  return {
    stored,
    keep: async (place, values) => {
      if (failing.includes(place)) throw new Error('disk full');
      stored.set(place, values);
    },
    take: async (place) => stored.get(place),
    drop: async (place) => void stored.delete(place),
  };
}

const releases: Array<() => void> = [];
afterEach(() => releases.splice(0).forEach((release) => release()));

describe('keeping plain forms over a lock', () => {
  it('keeps every form that holds unsaved values, with its values at the moment of the lock', async () => {
    const keeper = memoryKeeper();
    installFormKeeper(keeper);
    let label = 'Gezin A';
    releases.push(holdForm('case:new', () => ({ label })));
    releases.push(holdForm('followUp:c1', () => ({ title: 'Bellen' })));
    label = 'Gezin A (fictief)';
    await keepUnsavedForms();
    expect(Object.fromEntries(keeper.stored)).toEqual({ 'case:new': { label: 'Gezin A (fictief)' }, 'followUp:c1': { title: 'Bellen' } });
    expect(await keptValues('case:new')).toEqual({ label: 'Gezin A (fictief)' });
  });

  it('keeps nothing of a form that was released (saved, cancelled), and a drop removes what was kept', async () => {
    const keeper = memoryKeeper();
    installFormKeeper(keeper);
    const release = holdForm('case:new', () => ({ label: 'x' }));
    await keepUnsavedForms();
    release();
    dropKept('case:new');
    await keepUnsavedForms();
    expect(keeper.stored.size).toBe(0);
  });

  it('a form that cannot be kept (a full disk) does not stop the others, and nothing throws at the lock', async () => {
    const keeper = memoryKeeper(['case:new']);
    installFormKeeper(keeper);
    releases.push(holdForm('case:new', () => ({ label: 'x' })));
    releases.push(holdForm('partner:new', () => ({ name: 'y' })));
    await expect(keepUnsavedForms()).resolves.toBeUndefined();
    expect([...keeper.stored.keys()]).toEqual(['partner:new']);
  });

  it('an older holder released late does not release the form that took its place', async () => {
    const keeper = memoryKeeper();
    installFormKeeper(keeper);
    const first = holdForm('case:new', () => ({ label: 'oud' }));
    releases.push(holdForm('case:new', () => ({ label: 'nieuw' })));
    first();
    await keepUnsavedForms();
    expect(keeper.stored.get('case:new')).toEqual({ label: 'nieuw' });
  });
});

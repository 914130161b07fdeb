import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { useSession } from './support/session';
import { upgradeInAnotherTab } from './support/versions';

const session = useSession();

describe('an old tab when a newer database version opens elsewhere', () => {
  it('saves the draft, keeps the text on screen and asks to reload instead of breaking', async () => {
    const { app: old } = session();
    await old.open('/');
    await old.openCase('Meneer Test-Janssens (fictief)');
    await old.startVisitNote();
    await old.facts().fill('Gesprek in de keuken');

    const draftInOtherTab = await upgradeInAnotherTab(session(), 'drafts');
    expect(draftInOtherTab).toContain('Gesprek in de keuken');
    await old.page.getByText(/in een ander venster bijgewerkt/).waitFor();
    expect(await axeViolations(old.page)).toEqual([]);
    expect(await old.facts().inputValue()).toBe('Gesprek in de keuken');
  });
});

import { db, read, write } from './connection';
import { queue } from './outbox';
import { AppError } from '../model/appError';
import { newId } from '../model/ids';
import { themedEdit } from '../model/mutation';
import { PartnerInputSchema, partnerMatches, type Partner, type PartnerInput } from '../model/partner';
import { freshStamp } from '../model/rows';
import { check } from '../model/validation';

/** The sociale kaart, alphabetical, filtered by a typed query and a theme. */
export function listPartners(query = '', theme = ''): Promise<Partner[]> {
  return read(async () => {
    const all = await db().partners.toArray();
    return all
      .filter((p) => partnerMatches(p, query, theme))
      .sort((a, b) => a.body.name.localeCompare(b.body.name, 'nl'));
  });
}

/** Partners tagged with any of these themes (a reference card lists them), alphabetical. */
export function partnersWithThemes(themes: readonly string[]): Promise<Partner[]> {
  if (themes.length === 0) return Promise.resolve([]);
  return read(async () => {
    const rows = await db().partners.where('themes').anyOf([...themes]).distinct().toArray();
    return rows.sort((a, b) => a.body.name.localeCompare(b.body.name, 'nl'));
  });
}

export function getPartner(id: string): Promise<Partner | undefined> {
  return read(() => db().partners.get(id));
}

export function getPartners(ids: string[]): Promise<Partner[]> {
  return read(async () => (await db().partners.bulkGet(ids)).filter((p): p is Partner => !!p));
}

export async function createPartner(scopeId: string, input: PartnerInput, now = new Date()): Promise<Partner> {
  const value = validPartner(input);
  const row: Partner = { id: newId(now.getTime()), scopeId, themes: value.themes, ...freshStamp(now), body: value.body };
  await write(['partners', 'outbox'], async () => {
    await db().partners.add(row);
    await queue({ type: 'partner.create', row }, now);
  });
  return row;
}

export async function updatePartner(id: string, input: PartnerInput, now = new Date()): Promise<void> {
  const value = validPartner(input);
  await write(['partners', 'outbox'], async () => {
    const prev = await db().partners.get(id);
    if (!prev) throw new AppError('notFound');
    const edit = themedEdit(prev, value);
    if (!edit) return;
    await db().partners.put({ ...prev, themes: value.themes, body: value.body, updatedAt: now.toISOString() });
    await queue({ type: 'partner.setFields', id, ...edit }, now, prev);
  });
}

function validPartner(input: PartnerInput): PartnerInput {
  const checked = check(PartnerInputSchema, input);
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  return checked.value;
}

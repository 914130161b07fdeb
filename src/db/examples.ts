import { compareCodeUnits } from '../model/order';
import { db, read, write } from './connection';
import { queue } from './outbox';
import { AppError } from '../model/appError';
import { ExampleInputSchema, type Example, type ExampleInput } from '../model/example';
import { newId } from '../model/ids';
import { themedEdit } from '../model/mutation';
import { freshStamp } from '../model/rows';
import { check } from '../model/validation';

/** Practice examples, newest first, optionally of one theme. */
export function listExamples(theme = ''): Promise<Example[]> {
  return read(async () => {
    const rows = theme ? await db().examples.where('themes').equals(theme).toArray() : await db().examples.toArray();
    return rows.sort((a, b) => compareCodeUnits(b.updatedAt, a.updatedAt));
  });
}

/** Practice examples tagged with any of these themes (a reference card lists them), newest first. */
export function examplesWithThemes(themes: readonly string[]): Promise<Example[]> {
  if (themes.length === 0) return Promise.resolve([]);
  return read(async () => {
    const rows = await db().examples.where('themes').anyOf([...themes]).distinct().toArray();
    return rows.sort((a, b) => compareCodeUnits(b.updatedAt, a.updatedAt));
  });
}

export function getExample(id: string): Promise<Example | undefined> {
  return read(() => db().examples.get(id));
}

export async function createExample(scopeId: string, input: ExampleInput, now = new Date()): Promise<Example> {
  const value = validExample(input);
  const row: Example = { id: newId(now.getTime()), scopeId, themes: value.themes, ...freshStamp(now), body: value.body };
  await write(['examples', 'outbox'], async () => {
    await db().examples.add(row);
    await queue({ type: 'example.create', row }, now);
  });
  return row;
}

export async function updateExample(id: string, input: ExampleInput, now = new Date()): Promise<void> {
  const value = validExample(input);
  await write(['examples', 'outbox'], async () => {
    const prev = await db().examples.get(id);
    if (!prev) throw new AppError('notFound');
    const edit = themedEdit(prev, value);
    if (!edit) return;
    await db().examples.put({ ...prev, themes: value.themes, body: value.body, updatedAt: now.toISOString() });
    await queue({ type: 'example.setFields', id, ...edit }, now, prev);
  });
}

function validExample(input: ExampleInput): ExampleInput {
  const checked = check(ExampleInputSchema, input);
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  return checked.value;
}

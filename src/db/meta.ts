import { db } from './connection';

/** Someone of the organisation, as the server names them at sign-in (see SessionResponse.colleagues). */
export interface Colleague {
  id: string;
  displayName: string;
}

export function setColleagues(colleagues: Colleague[]): Promise<void> {
  return setMeta('colleagues', colleagues);
}

/** Who is who, by user id: how a conflict says who changed a value. */
export async function colleagueNames(): Promise<Map<string, string>> {
  const list = (await getMeta<Colleague[]>('colleagues')) ?? [];
  return new Map(list.map((c) => [c.id, c.displayName]));
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db().meta.get(key))?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db().meta.put({ key, value });
}

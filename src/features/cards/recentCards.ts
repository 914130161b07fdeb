import { getMeta, setMeta } from '../../db/meta';

/**
 * The cards last opened on this device, newest first. Which guide someone read says nothing about a client,
 * so a plain meta entry will do (slugs are the same in every language).
 */
const KEY = 'recentCards';
export const MAX_RECENT = 5;

export function withRecent(list: readonly string[], slug: string): string[] {
  return [slug, ...list.filter((s) => s !== slug)].slice(0, MAX_RECENT);
}

export async function recentCards(): Promise<string[]> {
  return (await getMeta<string[]>(KEY)) ?? [];
}

export async function rememberOpened(slug: string): Promise<void> {
  const list = await recentCards();
  if (list[0] !== slug) await setMeta(KEY, withRecent(list, slug));
}

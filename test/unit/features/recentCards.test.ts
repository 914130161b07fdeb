import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT, recentCards, rememberOpened, withRecent } from '../../../src/features/cards/recentCards';
import { freshDb } from '../db/freshDb';

beforeEach(freshDb);

describe('recently opened cards', () => {
  it.each([
    [[], 'a', ['a']],
    [['a', 'b'], 'c', ['c', 'a', 'b']],
    [['a', 'b', 'c'], 'b', ['b', 'a', 'c']],
    [['a', 'b', 'c', 'd', 'e'], 'f', ['f', 'a', 'b', 'c', 'd']],
  ])('%j + %s → %j', (list, slug, expected) => expect(withRecent(list, slug)).toEqual(expected));

  it('keeps the last few on the device, newest first', async () => {
    for (const slug of ['a', 'b', 'c', 'd', 'e', 'f', 'b']) await rememberOpened(slug);
    expect(await recentCards()).toEqual(['b', 'f', 'e', 'd', 'c']);
    expect((await recentCards()).length).toBe(MAX_RECENT);
  });
});

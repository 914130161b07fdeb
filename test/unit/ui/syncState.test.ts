import { describe, expect, it } from 'vitest';
import { syncBadge, type SyncBadge, type SyncFacts } from '../../../src/ui/syncState';

/** online × syncing × waiting × refused → the one state the header shows, and the count its words name. */
const TABLE: Array<[SyncFacts, SyncBadge]> = [
  [{ online: true, syncing: false, waiting: 0, refused: 0 }, { state: 'sent', count: 0 }],
  [{ online: true, syncing: false, waiting: 3, refused: 0 }, { state: 'waiting', count: 3 }],
  [{ online: true, syncing: true, waiting: 0, refused: 0 }, { state: 'syncing', count: 0 }],
  [{ online: true, syncing: true, waiting: 2, refused: 0 }, { state: 'syncing', count: 2 }],
  [{ online: true, syncing: false, waiting: 0, refused: 1 }, { state: 'refused', count: 1 }],
  [{ online: true, syncing: true, waiting: 4, refused: 2 }, { state: 'refused', count: 2 }],
  [{ online: false, syncing: false, waiting: 0, refused: 0 }, { state: 'offline', count: 0 }],
  [{ online: false, syncing: false, waiting: 1, refused: 0 }, { state: 'offline', count: 1 }],
  [{ online: false, syncing: true, waiting: 1, refused: 0 }, { state: 'offline', count: 1 }],
  [{ online: false, syncing: false, waiting: 5, refused: 3 }, { state: 'refused', count: 3 }],
];

describe('the header sync badge', () => {
  it.each(TABLE)('%o shows %o', (facts, badge) => {
    expect(syncBadge(facts)).toEqual(badge);
  });

  it('says "all sent" only when online, idle, and nothing waits or was refused', () => {
    for (const online of [true, false])
      for (const syncing of [true, false])
        for (const waiting of [0, 1])
          for (const refused of [0, 1]) {
            const sent = syncBadge({ online, syncing, waiting, refused }).state === 'sent';
            expect(sent, JSON.stringify({ online, syncing, waiting, refused })).toBe(online && !syncing && waiting === 0 && refused === 0);
          }
  });
});

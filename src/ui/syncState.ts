/**
 * The one visual sync state the header shows (issue 14, point 6): an icon, a colour and words, never colour alone.
 * Pure: the shell passes in what it knows (connection, sync phase, the outbox counts) and gets back the state and
 * the count its words name. The icons and colours live in app.css (.sync-badge.sync-<state>), each at least 4.5:1
 * against the header's white, so they pass as text and as non-text contrast.
 *
 * Order of precedence: a refused change needs the person whatever the connection, so it comes first; then being
 * offline (nothing can be sent), then a round in progress, then changes waiting, and only then "all sent".
 */
export type SyncBadgeState = 'refused' | 'offline' | 'syncing' | 'waiting' | 'sent';

export interface SyncFacts {
  /** false only when the server is known to be out of reach (a real request failed, or the browser is offline). */
  online: boolean;
  syncing: boolean;
  /** Changes on their way to the server. */
  waiting: number;
  /** Changes the server refused, kept for the person to deal with. */
  refused: number;
}

export interface SyncBadge {
  state: SyncBadgeState;
  /** The number the words name: refused changes for 'refused', waiting ones otherwise (0 for 'sent'). */
  count: number;
}

export function syncBadge({ online, syncing, waiting, refused }: SyncFacts): SyncBadge {
  if (refused > 0) return { state: 'refused', count: refused };
  if (!online) return { state: 'offline', count: waiting };
  if (syncing) return { state: 'syncing', count: waiting };
  if (waiting > 0) return { state: 'waiting', count: waiting };
  return { state: 'sent', count: 0 };
}

/**
 * Waited out, untimed, right before each timed first sync and each write it is compared with. The run before left
 * a database of 12 to 60 MB that was just deleted, and the browser's IndexedDB backend goes on working on it
 * after deleteDatabase has answered. A run started at once shared the disk and the cores with that work: here a
 * 50,000-note team's usable caseload took 1.1 to 1.6 s right after the deletion, 0.6 to 0.7 s five seconds later
 * (the first 1,000 cases' write waited ~600 ms). It is a fixed cost, so it weighed most on the fastest side of a
 * ratio. A new tablet has nothing to delete.
 */
export const SETTLE_MS = 5000;

export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

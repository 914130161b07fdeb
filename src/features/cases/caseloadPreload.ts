import type { BootRead } from '../../db/bootRead';
import { caseloadFrom, dueAtStart, listCaseload, type CaseloadItem } from '../../db/caseload';
import { DATABASE_NAME } from '../../db/databaseName';
import { brusselsToday } from '../../model/caseNext';

/**
 * The caseload read once before the app is first drawn, so a cold start paints the list in its first frame
 * instead of drawing an empty screen, laying it out, and then drawing again when the list arrives. Taken
 * once: afterwards the screen's live query is the only source.
 */
let preloaded: CaseloadItem[] | undefined;

export async function preloadCaseload(boot: BootRead | null): Promise<void> {
  if (!boot) {
    preloaded = await listCaseload('');
    return;
  }
  // The start-up read has no follow-ups: what is overdue or due today is read beside it, so the first frame is
  // already in the order of what needs attention and nothing moves when the live query takes over.
  const today = brusselsToday(new Date());
  const due = boot.openCases.length > 0 ? await dueAtStart(indexedDB, DATABASE_NAME, today) : [];
  preloaded = caseloadFrom(boot.openCases, boot.views, '', due, today);
}

export function takePreloadedCaseload(): CaseloadItem[] | undefined {
  const value = preloaded;
  preloaded = undefined;
  return value;
}

import type { BootRead } from '../../db/bootRead';
import { caseloadFrom, listCaseload, type CaseloadItem } from '../../db/caseload';

/**
 * The caseload read once before the app is first drawn, so a cold start paints the list in its first frame
 * instead of drawing an empty screen, laying it out, and then drawing again when the list arrives. Taken
 * once: afterwards the screen's live query is the only source.
 */
let preloaded: CaseloadItem[] | undefined;

export async function preloadCaseload(boot: BootRead | null): Promise<void> {
  preloaded = boot ? caseloadFrom(boot.openCases, boot.views, '', boot.due, boot.today) : await listCaseload('');
}

export function takePreloadedCaseload(): CaseloadItem[] | undefined {
  const value = preloaded;
  preloaded = undefined;
  return value;
}

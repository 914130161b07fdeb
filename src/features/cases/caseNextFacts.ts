import { readCaseNext } from '../../db/caseNext';
import { watch } from '../../db/live';
import { formatDayBrief } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { NOTHING_NEXT, type CaseNext } from '../../model/caseNext';
import { brusselsDay } from '../../model/dates';
import type { ContactType } from '../../model/followUp';

/**
 * The caseload's "what is next" per case, loaded after its first frame (useCaseNext): the reads, the opening of
 * the follow-ups and the date formatting are no part of the first screen.
 */
export function watchCaseNext(onValue: (next: Map<string, CaseNext>) => void): () => void {
  // A failed read leaves the line as it was (empty): the caseload itself still works.
  return watch(() => readCaseNext(brusselsDay(new Date())), onValue, () => {});
}

/** "Volgend contact: 12 dec. (huisbezoek) · 3 open, 1 te laat · Laatste bezoek: 2 dec." */
export function factsLine(next: CaseNext = NOTHING_NEXT, today = brusselsDay(new Date())): string {
  const year = today.slice(0, 4);
  const formatDay = (day: string) => formatDayBrief(day, year);
  const contact = next.nextContact
    ? t('caseNext.nextContact', { date: formatDay(next.nextContact.date), type: contactTypeWord(next.nextContact.contactType) }).trim()
    : t('caseNext.noNextContact');
  const open =
    next.open === 0
      ? t('caseNext.nothingOpen')
      : next.overdue > 0
        ? t('caseNext.openOverdue', { open: t('caseNext.open', { count: next.open }), overdue: t('caseNext.overdue', { count: next.overdue }) })
        : t('caseNext.open', { count: next.open });
  const visit = next.lastVisit ? t('caseNext.lastVisit', { date: formatDay(next.lastVisit) }) : t('caseNext.noVisit');
  return [contact, open, visit].join(' · ');
}

/** "(huisbezoek)", or '' when the note did not say. */
export function contactTypeWord(type: ContactType): string {
  return type ? t(`followUpTitles.type.${type}`) : '';
}

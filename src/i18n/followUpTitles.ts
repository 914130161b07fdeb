import { t } from './i18n';
import type { FollowUpBody } from '../model/followUp';
import { shownTitle, type FollowUpTitles } from '../model/plannedFollowUps';

/** The words of the follow-ups the app writes itself (from a visit note), in the current language. */
export function followUpTitles(): FollowUpTitles {
  return {
    nextContact: (type) => t('followUpTitles.nextContact', { type: type ? t(`followUpTitles.type.${type}`) : '' }).trim(),
    referral: (partner) => t('followUpTitles.referral', { partner }),
    documents: t('followUpTitles.documents'),
  };
}

/** A follow-up's title in the reader's language when the app wrote it; as typed otherwise. */
export function followUpTitle(body: Pick<FollowUpBody, 'title' | 'topic'>): string {
  return shownTitle(body, followUpTitles());
}

import { formatDateTime } from './format';
import { t } from './i18n';

/**
 * Who added a shared row and who changed it last, in words (see db/madeBy); a name not known is "a colleague".
 * The words live in the 'forms' namespace, which the partner and example screens load.
 */
export function madeByText(made: { author: string | null; editor: string | null; editedAt: string }): { added: string; changed: string | null } {
  return {
    added: t('madeBy.added', { name: made.author ?? t('madeBy.aColleague') }),
    changed: made.editor ? t('madeBy.changed', { name: made.editor, when: formatDateTime(made.editedAt) }) : null,
  };
}

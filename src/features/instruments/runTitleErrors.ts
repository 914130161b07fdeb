import { fieldProblemText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { SHORT_TEXT_MAX } from '../../model/validation';
import type { FieldMessage } from '../../ui/fieldMessages';

/** A run is listed by its title: it must have one, of at most SHORT_TEXT_MAX characters (InstrumentBodySchema). */
export function runTitleErrors(title: string): FieldMessage[] {
  if (title.trim() === '') return [{ path: 'title', message: t('instruments.startScreen.titleRequired') }];
  if (title.length <= SHORT_TEXT_MAX) return [];
  return [{ path: 'title', message: fieldProblemText({ path: 'title', code: 'tooLong', max: SHORT_TEXT_MAX }, { label: t('instruments.runTitle') }) }];
}

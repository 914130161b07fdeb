import { t } from '../../i18n/i18n';

/** Under a note on the case timeline: "Nog niet verstuurd" while it waits, and how often it was added to or corrected. */
export function NoteMarksLine({ unsent, addenda }: { unsent: boolean; addenda: number }) {
  if (!unsent && addenda === 0) return null;
  return (
    <span class="timeline-marks">
      {unsent && (
        <span class="badge badge-unsent" data-testid="timeline-unsent">
          {t('caseScreen.noteUnsent')}
        </span>
      )}
      {addenda > 0 && (
        <span class="list-meta" data-testid="timeline-addenda">
          {t('caseScreen.noteAddenda', { count: addenda })}
        </span>
      )}
    </span>
  );
}

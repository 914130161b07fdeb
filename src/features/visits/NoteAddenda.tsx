import { useState } from 'preact/hooks';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { NoteAddendum } from '../../model/noteAddendum';
import { Button } from '../../ui/Button';
import { AddendumForm } from './AddendumForm';

interface Props {
  noteId: string;
  addenda: NoteAddendum[];
  /** Ids whose create still waits in the outbox. */
  unsent: ReadonlySet<string>;
}

/**
 * Under a saved note: its aanvullingen en rechtzettingen, each dated and signed, and the button that adds one.
 * The note above stays as it was written. Printed with the note (the button and form are not).
 */
export function NoteAddenda({ noteId, addenda, unsent }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="note-addenda" class="note-addenda">
      <h2 id="note-addenda" class={addenda.length === 0 ? 'no-print' : undefined}>
        {t('note.addendaTitle')}
      </h2>
      {addenda.length === 0 ? (
        <p class="empty no-print">{t('note.noAddenda')}</p>
      ) : (
        <ol class="addenda" data-testid="addenda">
          {addenda.map((a) => (
            <li key={a.id} class="addendum">
              <p class="list-meta">
                {t('note.addendumSigned', { when: formatDateTime(a.createdAt), name: a.body.author || t('note.aColleague') })}{' '}
                {unsent.has(a.id) && <span class="badge badge-unsent">{t('note.unsent')}</span>}
              </p>
              <p class="addendum-text">{a.body.text}</p>
            </li>
          ))}
        </ol>
      )}
      {adding ? (
        <AddendumForm noteId={noteId} onDone={() => setAdding(false)} />
      ) : (
        <div class="actions no-print">
          <Button onClick={() => setAdding(true)}>{t('note.addAddendum')}</Button>
        </div>
      )}
    </section>
  );
}

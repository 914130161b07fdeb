import { t } from '../../i18n/i18n';
import type { EcoPerson } from '../../model/instrumentRun';
import { Button } from '../../ui/Button';
import { groupLabel, supportLabel, tieLabel } from './instrumentText';
import { RemoveButton } from './RemoveButton';

interface Props {
  people: Array<[id: string, person: EcoPerson]>;
  onEdit: (id: string) => void;
  onRemove: (id: string) => void;
}

/** Everyone in the ecogram in words: the accessible equivalent of the drawing, and what prints under it. */
export function EcoPeopleList({ people, onEdit, onRemove }: Props) {
  return (
    <section>
      <h3 id="eco-people-heading">{t('instruments.eco.people')}</h3>
      {people.length === 0 ? (
        <p class="empty">{t('instruments.eco.none')}</p>
      ) : (
        <ul class="eco-people" aria-labelledby="eco-people-heading" data-testid="ecogram-people">
          {people.map(([id, p]) => (
            <li key={id}>
              <h4 class="eco-person-name">{p.name}</h4>
              <dl class="kv">
                <dt>{t('instruments.eco.group')}</dt>
                <dd>{groupLabel(p.group)}</dd>
                <dt>{t('instruments.eco.tie')}</dt>
                <dd>{tieLabel(p.tie)}</dd>
                {p.supports.length > 0 && (
                  <>
                    <dt>{t('instruments.eco.supports')}</dt>
                    <dd>{p.supports.map(supportLabel).join(', ')}</dd>
                  </>
                )}
                {p.note && (
                  <>
                    <dt>{t('instruments.eco.note')}</dt>
                    <dd>{p.note}</dd>
                  </>
                )}
              </dl>
              <div class="actions no-print">
                <Button aria-label={t('instruments.eco.editLabel', { name: p.name })} onClick={() => onEdit(id)}>
                  {t('instruments.eco.edit')}
                </Button>
                <RemoveButton label={t('instruments.eco.removeLabel', { name: p.name })} onRemove={() => onRemove(id)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

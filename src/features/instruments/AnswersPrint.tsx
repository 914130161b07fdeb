import { t } from '../../i18n/i18n';
import { themeLabel } from '../../i18n/themeOptions';
import type { Answers } from '../../model/instrumentRun';
import { answerText, basisKey, isCheckState, type InstrumentDefinition, type InstrumentItem } from '../../model/instruments';
import { attitudeOf, quadrantOf, type GridEntry } from '../../model/powerInterest';
import { attitudeLabel, checkLabel, itemLabel, levelLabel, quadrantName, sectionLabel, whoLabel } from './instrumentText';

function printed(item: InstrumentItem, answers: Answers): string {
  const value = answerText(answers[item.id]).trim();
  if (!value) return t('instruments.notAnswered');
  if (item.input === 'check' && isCheckState(value) && value !== '') return checkLabel(value);
  if (item.input === 'theme') return themeLabel(value);
  return value;
}

/** The questions and answers as plain text for paper; on screen the form shows them instead. */
export function AnswersPrint({ definition, answers }: { definition: InstrumentDefinition; answers: Answers }) {
  return (
    <div class="instrument-print">
      {definition.sections.map((section) => (
        <section key={section.id}>
          <h2>{sectionLabel(section.id)}</h2>
          <dl class="print-answers">
            {section.items.map((item) => (
              <div key={item.id}>
                <dt>{itemLabel(item.id)}</dt>
                <dd>{printed(item, answers)}</dd>
                {item.basis && (
                  <dd>
                    {t('instruments.basisQuestion')} {answerText(answers[basisKey(item.id)]).trim() || t('instruments.notAnswered')}
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** Everyone in a power–interest grid as plain text for paper: name (and kind), quadrant, levels and attitude in words. */
export function GridAnswersPrint({ entries }: { entries: GridEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section class="instrument-print" data-testid="grid-print">
      <h3>{t('instruments.grid.printHeading')}</h3>
      <dl class="print-answers">
        {entries.map(({ key, name, who, placement }) => (
          <div key={key}>
            <dt>{who ? t('instruments.grid.entryText', { name, who: whoLabel(who) }) : name}</dt>
            <dd>
              {t('instruments.grid.printPlacement', {
                quadrant: quadrantName(quadrantOf(placement)),
                power: levelLabel(placement.power),
                interest: levelLabel(placement.interest),
                attitude: attitudeLabel(attitudeOf(placement)),
              })}
            </dd>
            {placement.note && <dd>{placement.note}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}

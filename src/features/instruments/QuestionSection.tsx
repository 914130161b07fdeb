import { t } from '../../i18n/i18n';
import { themeOptions } from '../../i18n/themeOptions';
import { CHECK_STATES, type Answer, type Answers } from '../../model/instrumentRun';
import { answerText, basisKey, type InstrumentItem, type InstrumentSection } from '../../model/instruments';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { checkLabel, itemLabel, sectionLabel } from './instrumentText';

type OnAnswer = (key: string, value: Answer, now?: boolean) => void;

const checkOptions = () => CHECK_STATES.filter((s) => s !== '').map((s) => ({ value: s, label: checkLabel(s) }));

/** The evidence an evaluation answer rests on, labelled with the question it belongs to (read out as its hint). */
function Basis({ item, answers, onAnswer }: { item: InstrumentItem; answers: Answers; onAnswer: OnAnswer }) {
  const key = basisKey(item.id);
  return <TextField label={t('instruments.basisQuestion')} hint={itemLabel(item.id)} value={answerText(answers[key])} onValue={(v) => onAnswer(key, v)} />;
}

function Question({ item, value, onAnswer }: { item: InstrumentItem; value: string; onAnswer: OnAnswer }) {
  const label = itemLabel(item.id);
  const set = (v: string) => onAnswer(item.id, v);
  switch (item.input) {
    case 'text':
      return <TextField label={label} value={value} onValue={set} />;
    case 'longText':
      return <TextArea label={label} value={value} onValue={set} rows={3} />;
    case 'check':
      // A tap is a decision, not typing: written at once.
      return <ChoiceChips legend={label} options={checkOptions()} value={value} onChange={(v) => onAnswer(item.id, v, true)} />;
    case 'theme':
      return (
        <SelectField
          label={label}
          value={value}
          onValue={(v) => onAnswer(item.id, v, true)}
          options={[{ value: '', label: t('instruments.chooseTheme') }, ...themeOptions()]}
        />
      );
  }
}

/** One section of an instrument's questions, each answer written as it is typed or chosen. */
export function QuestionSection({ section, answers, onAnswer }: { section: InstrumentSection; answers: Answers; onAnswer: OnAnswer }) {
  return (
    <section class="instrument-section">
      <h2>{sectionLabel(section.id)}</h2>
      {section.items.map((item) => (
        <div key={item.id} class={item.basis ? 'judged-question' : undefined}>
          <Question item={item} value={answerText(answers[item.id])} onAnswer={onAnswer} />
          {item.basis && <Basis item={item} answers={answers} onAnswer={onAnswer} />}
        </div>
      ))}
    </section>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../cards/cardSchema';
import type { CardLanguage } from '../../cards/categories';
import { t } from '../../i18n/i18n';
import { useFieldId } from '../../ui/fieldId';
import { Link } from '../../ui/Link';
import { termHref } from './cardLabels';

interface Props {
  text: string;
  entry: GlossaryEntry;
  lang: CardLanguage;
}

/**
 * A glossary term in card text: a button that opens the short definition right under it, with a link to the full
 * entry. A non-modal disclosure (aria-expanded, aria-controls): the focus stays free, Escape closes it and brings
 * the focus back to the term, a tap elsewhere closes it. It sits in the text's flow, so it never sticks out of a
 * phone's screen.
 */
export function GlossaryTerm({ text, entry, lang }: Props) {
  const [open, setOpen] = useState(false);
  const id = useFieldId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLSpanElement>(null);

  // Only a tap elsewhere is watched on the document: Escape is handled on the term and its panel themselves, so it
  // works from the first moment the panel is open (an effect would attach a listener only after the next paint).
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target;
      if (target instanceof Node && (button.current?.contains(target) || panel.current?.contains(target))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  const name = entry[lang];
  return (
    <>
      <button ref={button} type="button" class="term-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} onKeyDown={onKeyDown}>
        {text}
      </button>
      <span ref={panel} id={id} class="term-popover" role="group" aria-label={t('cards.term.popover', { term: name })} hidden={!open} data-testid="term-popover" onKeyDown={onKeyDown}>
        <span class="term-popover-name" lang={lang === 'nl' ? 'nl-BE' : 'en'}>
          {name}
        </span>
        <span class="term-popover-definition">{lang === 'nl' ? entry.nlDef : entry.enDef}</span>
        <Link class="term-popover-link" href={termHref(entry.id)} aria-label={t('cards.term.fullEntryLabel', { term: name })}>
          {t('cards.term.fullEntry')}
        </Link>
      </span>
    </>
  );
}

import type { GlossaryEntry } from '../../cards/cardSchema';
import type { CardLanguage } from '../../cards/categories';
import type { Segment } from '../../search/termLinks';
import { Link } from '../../ui/Link';
import { termHref } from './cardLabels';
import { GlossaryTerm } from './GlossaryTerm';

interface Props {
  segments: Segment[];
  /** The glossary by term id: a term found there opens its definition in place; otherwise it links to the glossary. */
  terms?: ReadonlyMap<string, GlossaryEntry>;
  lang?: CardLanguage;
}

/** Card text with its glossary terms marked, built as elements: card text never becomes HTML. */
export function LinkedText({ segments, terms, lang }: Props) {
  return (
    <>
      {segments.map((s, i) => {
        if (!s.termId) return s.text;
        const entry = terms?.get(s.termId);
        if (entry && lang) return <GlossaryTerm key={i} text={s.text} entry={entry} lang={lang} />;
        return (
          <Link key={i} class="term-link" href={termHref(s.termId)}>
            {s.text}
          </Link>
        );
      })}
    </>
  );
}

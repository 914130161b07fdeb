import type { Segment } from '../../search/termLinks';
import { Link } from '../../ui/Link';
import { termHref } from './cardLabels';

/** Card text with its glossary terms as links, built as elements: card text never becomes HTML. */
export function LinkedText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.termId ? (
          <Link key={i} class="term-link" href={termHref(s.termId)}>
            {s.text}
          </Link>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

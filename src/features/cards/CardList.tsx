import type { Card } from '../../cards/cardSchema';
import { Link } from '../../ui/Link';
import { cardHref } from './cardLabels';

export function CardList({ cards, testId }: { cards: Card[]; testId?: string }) {
  return (
    <ul class="list" data-testid={testId}>
      {cards.map((c) => (
        <li key={c.slug}>
          <Link class="list-link" href={cardHref(c.slug)}>
            <span class="list-title">{c.title}</span>
            <span class="list-meta">{c.summary}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

import type { ComponentChildren } from 'preact';

interface Props {
  /** "What to try", as a heading, so a screen reader can jump to it. */
  title: string;
  tips: readonly string[];
  /** The way out of filters that narrow the search (a button), when any are on. */
  children?: ComponentChildren;
}

/**
 * What to try when a search finds nothing. Not a live region: the screen's count line already announces the
 * "nothing found"; these tips are read when the person goes looking for them.
 */
export function SearchAdvice({ title, tips, children }: Props) {
  return (
    <div class="notice notice-info" data-testid="search-advice">
      <span class="notice-mark" aria-hidden="true">
        i
      </span>
      <div class="notice-body">
        <h2 class="advice-title">{title}</h2>
        {tips.length > 0 && (
          <ul>
            {tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        )}
        {children}
      </div>
    </div>
  );
}

import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * When a search starts, brings its first result (or first tip) into sight by scrolling the search field to the top
 * of the screen, but only when that result would sit below the visible part: on a phone, under the header and the
 * navigation, or above a tablet's on-screen keyboard. Scrolling, rather than hiding what is above the field, keeps
 * the field itself from jumping away under the person's finger.
 */
export function useFirstResultInSight(searching: boolean, field: RefObject<HTMLElement | null>, results: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!searching) return;
    const first = results.current?.querySelector('li') ?? results.current;
    const view = window.visualViewport;
    const visibleBottom = view ? view.offsetTop + view.height : window.innerHeight;
    if (first && first.getBoundingClientRect().bottom > visibleBottom) field.current?.scrollIntoView({ block: 'start' });
  }, [searching]);
}

/**
 * Keeps a form's sticky save bar above the on-screen keyboard and the focused field above the save bar (issue 14,
 * point 5). Chromium on Android resizes the page for the keyboard (index.html asks `interactive-widget=
 * resizes-content`), so there the inset stays 0; Safari on iOS does not, and the visual viewport says how much of
 * the page the keyboard covers: `--keyboard` on <html>, which app.css puts under the save bar. A field that gets
 * the focus behind the bar (the browser scrolls a focused field into the viewport, not out from under a sticky
 * bar) is scrolled up until the bar no longer covers it.
 */
const TEXT_INPUT = /^(?:text|search|email|tel|url|number|password|date|time|datetime-local|month|week)$/;

export function isTypingField(el: Element | null): el is HTMLElement {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_INPUT.test(el.type);
}

export function followKeyboard(root: HTMLElement = document.documentElement): () => void {
  const vv = window.visualViewport;
  const update = () => {
    if (!vv) return;
    const inset = Math.max(0, Math.round(window.innerHeight - vv.height - vv.offsetTop));
    root.style.setProperty('--keyboard', `${inset}px`);
  };
  const onFocus = (e: FocusEvent) => {
    const field = e.target as Element | null;
    if (!isTypingField(field) || !document.querySelector('.actions-sticky')) return;
    // After the layout settles (the tab bar hides, the keyboard comes up): then see whether the bar covers it.
    requestAnimationFrame(() => {
      const bar = document.querySelector('.actions-sticky');
      if (!bar || document.activeElement !== field) return;
      const box = field.getBoundingClientRect();
      const covered = box.bottom - bar.getBoundingClientRect().top;
      // Up by what the bar covers and a little air, but never so far that a tall field's top leaves the screen.
      if (covered > 0) window.scrollBy(0, Math.min(covered + 12, Math.max(0, box.top - 8)));
    });
  };
  vv?.addEventListener('resize', update);
  vv?.addEventListener('scroll', update);
  document.addEventListener('focusin', onFocus);
  update();
  return () => {
    vv?.removeEventListener('resize', update);
    vv?.removeEventListener('scroll', update);
    document.removeEventListener('focusin', onFocus);
  };
}

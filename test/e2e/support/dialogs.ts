import type { Dialog, Page } from 'playwright-core';

/**
 * Answers every question the page asks (the leave guard's "leave anyway?") with "no, stay", and keeps what was
 * asked. Call `stop` when the part of the test that expects questions is over.
 */
export function answerStay(page: Page): { asked: string[]; stop: () => void } {
  const asked: string[] = [];
  const answer = (dialog: Dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  };
  page.on('dialog', answer);
  return { asked, stop: () => page.off('dialog', answer) };
}

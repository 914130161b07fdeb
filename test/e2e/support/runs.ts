import type { Page } from 'playwright-core';

/** The two screens of issue 14 (a tablet on the knees, a phone), and each language at each of them. */
export const TABLET = { width: 1180, height: 820 };
export const PHONE = { width: 390, height: 844 };
export const RUNS = [
  { lang: 'nl', size: TABLET },
  { lang: 'nl', size: PHONE },
  { lang: 'en', size: TABLET },
  { lang: 'en', size: PHONE },
] as const;

/** A day in Brussels, `days` from today, as a date field takes it (YYYY-MM-DD). */
export function brusselsDay(days = 0): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The app in `lang` at `size` from the next page load (the language is read at start, as a person's choice is). */
export async function showIn(page: Page, lang: string, size: { width: number; height: number }): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('veldwerk.lang', l), lang);
  await page.setViewportSize(size);
}

/** Back to how a test profile starts: Dutch, 1024×768. */
export async function showAsAtStart(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.setItem('veldwerk.lang', 'nl'));
  await page.setViewportSize({ width: 1024, height: 768 });
}

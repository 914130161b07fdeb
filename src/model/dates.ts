/** All calendar logic runs in Europe/Brussels, whatever the device's own zone says. */
export const TIME_ZONE = 'Europe/Brussels';

// Made on first use, not at load: building a formatter with a time zone loads ICU data, tens of milliseconds on
// a slow tablet, and the first screen does not need this one.
let dayFormat: Intl.DateTimeFormat | null = null;

/** The calendar day (YYYY-MM-DD) in Brussels at the given instant. */
export function brusselsDay(at: Date): string {
  dayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return dayFormat.format(at);
}

/** Adds whole days to a YYYY-MM-DD day, calendar-wise (no time zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

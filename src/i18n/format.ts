import { TIME_ZONE } from '../model/dates';
import { currentLanguage } from './i18n';

function locale(): string {
  return currentLanguage() === 'nl' ? 'nl-BE' : 'en-GB';
}

/**
 * One formatter per language and style, made once: constructing an Intl formatter is far dearer than using one
 * (with a time zone it loads ICU data), and a list formats a date on every row.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale()}|${style}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale(), options)));
  return format;
}

/** A calendar day (YYYY-MM-DD) as the reader says it: "vr 27 nov. 2026". Days carry no zone, so format at UTC noon. */
export function formatDay(day: string, style: 'short' | 'long' = 'short'): string {
  if (!day) return '';
  const date = new Date(`${day}T12:00:00Z`);
  return dateFormat(`day-${style}`, {
    timeZone: 'UTC',
    weekday: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
  }).format(date);
}

/**
 * A calendar day in as few words as a list row allows: "11 dec.", with the year only when it is not `thisYear`'s
 * ("3 jan. 2027"). The caseload's line per case says three things in it.
 */
export function formatDayBrief(day: string, thisYear: string): string {
  if (!day) return '';
  const date = new Date(`${day}T12:00:00Z`);
  const withYear = day.slice(0, 4) !== thisYear;
  return dateFormat(withYear ? 'day-brief-year' : 'day-brief', { timeZone: 'UTC', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(date);
}

/** An instant, in Brussels time. */
export function formatDateTime(iso: string): string {
  if (!iso) return '';
  return dateFormat('dateTime', {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A count as the reader writes it: 12.000 in Dutch, 12,000 in English. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale(), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

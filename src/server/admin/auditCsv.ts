import type { AuditEntry } from '../../model/admin';

const COLUMNS = ['at', 'userId', 'userName', 'action', 'target', 'clientId', 'rowCount'] as const satisfies ReadonlyArray<keyof AuditEntry>;

/**
 * RFC 4180: CRLF line ends, a header row, and a field quoted (its quotes doubled) when it holds a comma, a quote
 * or a line break. A text that starts like a formula (= + - @, tab or CR) gets a leading apostrophe, so a
 * spreadsheet shows a name such as "=HYPERLINK(…)" as text instead of running it. The UTF-8 byte order mark
 * lets Excel read accented names right.
 */
export function auditCsv(entries: AuditEntry[]): string {
  const lines = [COLUMNS.join(','), ...entries.map((entry) => COLUMNS.map((column) => csvField(entry[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

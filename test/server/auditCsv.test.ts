import { expect, it } from 'vitest';
import type { AuditEntry } from '../../src/model/admin';
import { auditCsv } from '../../src/server/admin/auditCsv';
import { loggableUrl } from '../../src/server/logging';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({ at: '2026-12-03T10:00:00.000Z', userId: 'u1', userName: 'An', action: 'login', target: null, clientId: null, rowCount: null, ...over });
const rowOf = (over: Partial<AuditEntry>) => auditCsv([entry(over)]).split('\r\n')[1];

it.each([
  ['plain text as it is', { userName: 'Els Peeters' }, '2026-12-03T10:00:00.000Z,u1,Els Peeters,login,,,'],
  ['a comma quoted', { userName: 'Peeters, Els' }, '2026-12-03T10:00:00.000Z,u1,"Peeters, Els",login,,,'],
  ['quotes doubled', { userName: 'Els "Lies" P' }, '2026-12-03T10:00:00.000Z,u1,"Els ""Lies"" P",login,,,'],
  ['a line break quoted', { userName: 'Els\nP' }, '2026-12-03T10:00:00.000Z,u1,"Els\nP",login,,,'],
  ['a formula made text', { userName: '=1+1' }, "2026-12-03T10:00:00.000Z,u1,'=1+1,login,,,"],
  ['a formula with a comma made text and quoted', { userName: '@SUM(A1,A2)' }, `2026-12-03T10:00:00.000Z,u1,"'@SUM(A1,A2)",login,,,`],
  ['numbers and nulls', { userId: null, userName: null, target: 'c1', clientId: 'd1', rowCount: 12 }, '2026-12-03T10:00:00.000Z,,,login,c1,d1,12'],
])('CSV: %s', (_case, over, expected) => {
  expect(rowOf(over)).toBe(expected);
});

it('CSV: a byte order mark, a header row and CRLF line ends, also when empty', () => {
  expect(auditCsv([])).toBe('\uFEFFat,userId,userName,action,target,clientId,rowCount\r\n');
});

it.each([
  ['/api/sync/changes?scope=t1&since=12&limit=100&protocol=2', '/api/sync/changes?scope=t1&since=12&limit=100&protocol=2'],
  ['/api/admin/audit?caseId=c1&format=csv', '/api/admin/audit?caseId=c1&format=csv'],
  ['/api/sync/changes?scope=t1&q=Marie%20Peeters', '/api/sync/changes?scope=t1&-'],
  ['/dossiers/abc', '/dossiers/abc'],
  ['/?Marie', '/?-'],
])('log url: %s', (url, expected) => {
  expect(loggableUrl(url)).toBe(expected);
});

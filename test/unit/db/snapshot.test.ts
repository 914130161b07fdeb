import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { hasAnyData, importSnapshot, parseSnapshot } from '../../../src/db/importSnapshot';
import { getMeta } from '../../../src/db/meta';
import { isAppError } from '../../../src/model/appError';
import { demoSnapshot } from '../../../src/server/demo/demoSnapshot';
import { freshDb } from './freshDb';

beforeEach(freshDb);

describe('snapshots', () => {
  it('imports the demo data set without queueing anything for sync', async () => {
    expect(await hasAnyData()).toBe(false);
    await importSnapshot(parseSnapshot(JSON.parse(JSON.stringify(demoSnapshot(new Date())))));
    expect(await db().cases.count()).toBe(3);
    expect(await db().partners.count()).toBeGreaterThanOrEqual(5);
    expect(await db().outbox.count()).toBe(0);
    expect(await getMeta('orgName')).toBe('Voorbeeldstad (demo)');
    expect(await hasAnyData()).toBe(true);
  });

  it('marks every demo person and partner as fictitious', () => {
    const snap = demoSnapshot(new Date());
    expect(snap.cases.every((c) => c.body.label.includes('fictief'))).toBe(true);
    expect(snap.partners.every((p) => /fictie/i.test(p.body.notes) || /fictief/.test(p.body.name))).toBe(true);
  });

  it.each([
    ['not an object', 'hello'],
    ['wrong format', { format: 'other' }],
    ['a note with a broken body', { ...demoSnapshot(new Date()), notes: [{ id: 'x', body: {} }] }],
  ])('refuses a corrupt file (%s) whole, writing nothing', async (_name, input) => {
    let error: unknown;
    try {
      await importSnapshot(parseSnapshot(input));
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('corruptImport');
    expect(await db().cases.count()).toBe(0);
  });
});

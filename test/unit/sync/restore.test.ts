import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase } from '../../../src/db/cases';
import { clientId } from '../../../src/db/syncStore';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { SyncApi } from '../../../src/sync/api';
import { syncOnce } from '../../../src/sync/client';
import { runBackupCommand } from '../../../src/server/cli/backupCommands';
import { migrateToLatest } from '../../../src/server/store/migrations';
import { openDatabase, type DatabaseConfig } from '../../../src/server/store/openDatabase';
import { createMember, SIGN_IN_FREELY, startApp } from '../../server/support/testServer';
import { Device, localData, Network, serverView } from './syncHarness';

const dir = mkdtempSync(join(tmpdir(), 'veldwerk-restore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function admin(config: DatabaseConfig, ...argv: string[]): Promise<void> {
  const err: string[] = [];
  const code = await runBackupCommand(argv, { config, out: () => {}, err: (line) => err.push(line) });
  if (code !== 0) throw new Error(err.join('\n'));
}

const newCase = (scopeId: string, label: string) => createCase(scopeId, { ...emptyCaseBody(), label });

describe('the server restored from an older backup under a running device', () => {
  it('the device takes a fresh copy, sends its unsent change once under a new client id, and holds exactly what the server holds', async () => {
    const config: DatabaseConfig = { kind: 'sqlite', file: join(dir, 'live.sqlite') };
    let store = openDatabase(config);
    await migrateToLatest(store);
    let app = await startApp(store, SIGN_IN_FREELY);
    const member = await createMember(store);
    const tablet = await Device.signedIn(app, member, 'tablet');

    const beforeBackup = await newCase(member.teamId, 'Gezin Voor (fictief)');
    await tablet.sync();
    await admin(config, 'backup', '--out', join(dir, 'nightly.sqlite'));
    const afterBackup = await newCase(member.teamId, 'Gezin Na (fictief)');
    await tablet.sync();
    const oldClient = await clientId();
    // Made while the server is down for the restore: waiting on the tablet.
    const unsent = await newCase(member.teamId, 'Gezin Onverstuurd (fictief)');

    await app.close();
    await store.destroy();
    await admin(config, 'restore', '--from', join(dir, 'nightly.sqlite'));
    store = openDatabase(config);
    await migrateToLatest(store);
    app = await startApp(store, SIGN_IN_FREELY);
    const api = new SyncApi(new Network(app).fetch);
    await api.login(member.user.email, member.password);

    tablet.use();
    await syncOnce(api, tablet.scopes);
    const onTablet = await localData();
    expect(await clientId()).not.toBe(oldClient);
    expect(onTablet.outbox).toEqual([]);
    // The change made after the backup is gone with the restore, on the server and so on the tablet; the unsent
    // one reached the restored server exactly once.
    const server = await serverView(app, member);
    expect(server.cases.map((c) => c.id).sort()).toEqual([beforeBackup.id, unsent.id].sort());
    expect(onTablet.cases.map((c) => c.id).sort()).toEqual([beforeBackup.id, unsent.id].sort());
    expect(onTablet.cases.map((c) => c.id)).not.toContain(afterBackup.id);
    expect(server.teamVersion).toBe(2);

    // A second round changes nothing: no change is deferred for ever, none is sent twice.
    tablet.use();
    expect(await syncOnce(api, tablet.scopes)).toMatchObject({ pushed: 0, deferred: 0 });
    await app.close();
    await store.destroy();
  }, 30_000);
});

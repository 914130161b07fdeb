import { DEFAULT_ORG_SETTINGS, OrgSettingsBodySchema, type OrgSettings } from '../../model/admin';
import { parseInput } from '../parseInput';
import type { Db } from '../store/database';

/** An organisation's settings; the defaults until its admin saves any. */
export async function readOrgSettings(db: Db, organisationId: string): Promise<OrgSettings> {
  const row = await db.selectFrom('org_settings').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) return { ...DEFAULT_ORG_SETTINGS };
  return {
    screenLockMinutes: row.screen_lock_minutes,
    fullLockMinutes: row.full_lock_minutes,
    noteRetentionYears: row.note_retention_years,
    sessionMaxDays: row.session_max_days,
  };
}

/**
 * Replaces the settings as a whole (PUT), within the bounds of OrgSettingsBodySchema. A body without
 * `sessionMaxDays` (an admin screen older than the setting) keeps the stored one.
 */
export async function writeOrgSettings(db: Db, organisationId: string, input: unknown): Promise<OrgSettings> {
  const body = parseInput(OrgSettingsBodySchema, input);
  const settings: OrgSettings = { ...body, sessionMaxDays: body.sessionMaxDays ?? (await readOrgSettings(db, organisationId)).sessionMaxDays };
  const columns = {
    screen_lock_minutes: settings.screenLockMinutes,
    full_lock_minutes: settings.fullLockMinutes,
    note_retention_years: settings.noteRetentionYears,
    session_max_days: settings.sessionMaxDays,
  };
  await db
    .insertInto('org_settings')
    .values({ organisation_id: organisationId, ...columns })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(columns))
    .execute();
  return settings;
}

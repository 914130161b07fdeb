import type { FastifyInstance } from 'fastify';
import { OrgSettingsBodySchema, type SettingsResponse } from '../../model/admin';
import { readOrgSettings, writeOrgSettings } from '../accounts/orgSettings';
import { writeAudit } from '../store/auditLog';
import type { Db } from '../store/database';
import { ADMIN_BODY_LIMIT, parseAdminInput } from './parseAdminInput';
import { ADMIN, requireRole } from './requireRole';

/** GET and PUT /api/admin/settings: the organisation's lock times and retention. Devices get them with every session. */
export function registerSettingsRoutes(app: FastifyInstance, db: Db, now: () => number): void {
  app.get('/api/admin/settings', async (request): Promise<SettingsResponse> => {
    const caller = await requireRole(app, db, request, ADMIN);
    return { settings: await readOrgSettings(db, caller.organisationId) };
  });

  app.put('/api/admin/settings', { bodyLimit: ADMIN_BODY_LIMIT }, async (request): Promise<SettingsResponse> => {
    const caller = await requireRole(app, db, request, ADMIN);
    const body = parseAdminInput(OrgSettingsBodySchema, request.body);
    const settings = await writeOrgSettings(db, caller.organisationId, body);
    await writeAudit(db, { userId: caller.id, action: 'settings.change', target: caller.organisationId }, new Date(now()));
    return { settings };
  });
}

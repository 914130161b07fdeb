import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { EmptyBodySchema, type Device, type DevicesResponse } from '../../model/admin';
import { id } from '../../model/rowSchemas';
import { ServerError } from '../serverError';
import { writeAudit } from '../store/auditLog';
import type { Database, Db } from '../store/database';
import { findPerson } from '../accounts/people';
import { parseAdminInput } from './parseAdminInput';
import { ADMIN, requireRole } from './requireRole';

const PersonParams = v.object({ id });
const DeviceParams = v.object({ clientId: id });

/**
 * GET /api/admin/people/:id/devices and POST /api/admin/devices/:clientId/revoke, for admins, within their own
 * organisation only: a person or device of another organisation answers 404 like one that does not exist.
 */
export function registerDeviceRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/admin/people/:id/devices', async (request): Promise<DevicesResponse> => {
    const admin = await requireRole(app, db, request, ADMIN);
    const { id: personId } = parseAdminInput(PersonParams, request.params);
    await findPerson(db, admin.organisationId, personId);
    const rows = await db
      .selectFrom('sync_clients')
      .select(['client_id', 'first_seen_at', 'last_seen_at', 'app_version', 'revoked_at'])
      .where('user_id', '=', personId)
      .orderBy('last_seen_at', 'desc')
      .orderBy('client_id')
      .execute();
    return { devices: rows.map(toDevice) };
  });

  app.post('/api/admin/devices/:clientId/revoke', { bodyLimit: 1024 }, async (request, reply) => {
    const admin = await requireRole(app, db, request, ADMIN);
    const { clientId } = parseAdminInput(DeviceParams, request.params);
    parseAdminInput(EmptyBodySchema, request.body);
    const device = await db
      .selectFrom('sync_clients')
      .innerJoin('users', 'users.id', 'sync_clients.user_id')
      .select(['sync_clients.user_id'])
      .where('sync_clients.client_id', '=', clientId)
      .where('users.organisation_id', '=', admin.organisationId)
      .executeTakeFirst();
    if (!device) throw new ServerError(404, 'notFound', 'No such device in your organisation.');
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      // Revoking twice keeps the first moment, and is audited once.
      const done = await trx.updateTable('sync_clients').set({ revoked_at: now.toISOString() }).where('client_id', '=', clientId).where('revoked_at', 'is', null).executeTakeFirst();
      if (done.numUpdatedRows > 0n) await writeAudit(trx, { userId: admin.id, action: 'device.revoke', target: device.user_id, clientId }, now);
    });
    return reply.code(204).send();
  });
}

type DeviceRow = Pick<Database['sync_clients'], 'client_id' | 'first_seen_at' | 'last_seen_at' | 'app_version' | 'revoked_at'>;

function toDevice(row: DeviceRow): Device {
  // Both times are set when an install is first seen (and were filled in by migration 0004 for older ones).
  const lastSeenAt = row.last_seen_at ?? row.first_seen_at ?? '';
  return { clientId: row.client_id, firstSeenAt: row.first_seen_at ?? lastSeenAt, lastSeenAt, appVersion: row.app_version, revokedAt: row.revoked_at };
}

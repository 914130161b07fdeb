import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { AuditEntry, AuditResponse } from '../../model/admin';
import { id } from '../../model/rowSchemas';
import { ServerError } from '../serverError';
import type { Db } from '../store/database';
import { auditCsv } from './auditCsv';
import { findPerson } from '../accounts/people';
import { parseAdminInput } from './parseAdminInput';
import { ADMIN, requireRole } from './requireRole';

/** An admin screen shows at most this many entries, newest first; older ones stay in the database. */
export const AUDIT_LIMIT = 1000;

const AuditQuerySchema = v.object({ caseId: v.optional(id), userId: v.optional(id), format: v.optional(v.picklist(['json', 'csv'])) });

/**
 * GET /api/admin/audit?caseId=…|userId=…[&format=csv]: the log of one dossier (who received its rows on which
 * device, who changed what) or of one person (what they did, and what was done to their account and devices).
 * Both together narrow to that person's entries about that dossier. Admins only, their organisation only.
 */
export function registerAuditRoutes(app: FastifyInstance, db: Db): void {
  app.get('/api/admin/audit', async (request, reply): Promise<AuditResponse | string> => {
    const admin = await requireRole(app, db, request, ADMIN);
    const query = parseAdminInput(AuditQuerySchema, request.query);
    if (!query.caseId && !query.userId) throw new ServerError(400, 'invalid', 'Invalid input (give caseId or userId).');
    if (query.caseId && !(await caseInOrganisation(db, query.caseId, admin.organisationId))) throw new ServerError(404, 'notFound', 'No such dossier in your organisation.');
    if (query.userId) await findPerson(db, admin.organisationId, query.userId);
    const entries = await readAudit(db, admin.organisationId, query.caseId, query.userId);
    if (query.format !== 'csv') return { entries };
    const day = new Date().toISOString().slice(0, 10);
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="veldwerk-audit-${query.caseId ? 'dossier' : 'persoon'}-${day}.csv"`);
    return auditCsv(entries);
  });
}

async function readAudit(db: Db, organisationId: string, caseId: string | undefined, userId: string | undefined): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    // The actor's organisation is the entry's organisation: an admin never sees another's entries.
    .innerJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.at', 'audit_log.user_id', 'users.display_name', 'audit_log.action', 'audit_log.target', 'audit_log.client_id', 'audit_log.row_count'])
    .where('users.organisation_id', '=', organisationId)
    .$if(caseId !== undefined, (q) => q.where('audit_log.case_id', '=', caseId!))
    .$if(userId !== undefined, (q) => q.where((eb) => eb.or([eb('audit_log.user_id', '=', userId!), eb('audit_log.target', '=', userId!)])))
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(AUDIT_LIMIT)
    .execute();
  return rows.map((r) => ({
    at: r.at,
    userId: r.user_id,
    userName: r.display_name,
    action: r.action,
    target: r.target,
    clientId: r.client_id,
    rowCount: r.row_count === null ? null : Number(r.row_count),
  }));
}

/** A dossier of one of the organisation's teams (the server knows it once it was pushed). */
async function caseInOrganisation(db: Db, caseId: string, organisationId: string): Promise<boolean> {
  const found = await db
    .selectFrom('records')
    .innerJoin('teams', 'teams.id', 'records.scope_id')
    .select('records.id')
    .where('records.collection', '=', 'cases')
    .where('records.id', '=', caseId)
    .where('teams.organisation_id', '=', organisationId)
    .executeTakeFirst();
  return found !== undefined;
}

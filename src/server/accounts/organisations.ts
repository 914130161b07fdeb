import * as v from 'valibot';
import { newId } from '../../model/ids';
import { parseInput } from '../parseInput';
import { ServerError } from '../serverError';
import type { Db } from '../store/database';
import { IdSchema, NameSchema } from './accountSchemas';

export interface Organisation {
  id: string;
  name: string;
}
export interface Team {
  id: string;
  organisationId: string;
  name: string;
}

const NewOrganisationSchema = v.object({ name: NameSchema, id: v.optional(IdSchema) });
const NewTeamSchema = v.object({ organisationId: IdSchema, name: NameSchema, id: v.optional(IdSchema) });

export async function createOrganisation(db: Db, input: v.InferInput<typeof NewOrganisationSchema>): Promise<Organisation> {
  const { name, id = newId() } = parseInput(NewOrganisationSchema, input);
  await db.insertInto('organisations').values({ id, name }).execute();
  return { id, name };
}

export async function createTeam(db: Db, input: v.InferInput<typeof NewTeamSchema>): Promise<Team> {
  const { organisationId, name, id = newId() } = parseInput(NewTeamSchema, input);
  return db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
    if (!organisation) throw new ServerError(404, 'organisationNotFound', `No organisation with id ${organisationId}.`);
    await trx.insertInto('teams').values({ id, organisation_id: organisationId, name }).execute();
    return { id, organisationId, name };
  });
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  return db.selectFrom('organisations').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

export async function listTeams(db: Db): Promise<Team[]> {
  const rows = await db.selectFrom('teams').select(['id', 'organisation_id', 'name']).orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, name: r.name }));
}

/** The organisation's name and the named teams a session lists: a device shows names, never bare ids. */
export async function sessionPlaces(db: Db, organisationId: string, teamIds: string[]): Promise<{ organisationName: string; teams: Array<{ id: string; name: string }> }> {
  const organisation = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
  const teams = teamIds.length === 0 ? [] : await db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).orderBy('name').orderBy('id').execute();
  return { organisationName: organisation?.name ?? '', teams };
}

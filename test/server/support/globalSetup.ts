import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { url: string; reachable: boolean };
  }
}

export const DEFAULT_TEST_DATABASE_URL = 'postgres://root@127.0.0.1:5432/test';

const WARNING = (url: string, reason: string) => `
################################################################################
#  WARNING: THE POSTGRESQL SERVER SUITE DID NOT RUN. Only SQLite was tested.
#  Could not reach ${url}
#  (${reason})
#  Start PostgreSQL, or point TEST_DATABASE_URL at a database where this user
#  may create schemas, e.g. TEST_DATABASE_URL=postgres://me@localhost:5432/test
#  On CI (CI is set) this is an error, not a warning.
################################################################################
`;

/** Finds out once whether PostgreSQL is there, so no test file can quietly pass without it. */
export default async function setup(project: TestProject): Promise<() => void> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const reason = await probe(url);
  if (reason && process.env.CI) throw new Error(`PostgreSQL is required on CI but ${url} is unreachable: ${reason}`);
  if (reason) process.stderr.write(WARNING(url, reason));
  project.provide('postgres', { url, reachable: reason === undefined });
  // Said again at the end, where a reader of the summary will see it.
  return () => {
    if (reason) process.stderr.write(WARNING(url, reason));
  };
}

async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

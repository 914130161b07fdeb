/** A unique-constraint failure, on either database: the race a pre-check cannot close. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  // SQLite (better-sqlite3) names it; PostgreSQL uses SQLSTATE 23505. A primary key clash counts too.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * ⚠ PERSISTENCE-CRITICAL. The newest `version(n)` declared in schema.ts. Kept in a module of its own, with no
 * imports, so the start-up read (bootRead.ts) can check it without loading Dexie. A test keeps the two equal.
 */
export const SCHEMA_VERSION = 4;

/** Dexie stores its schema version n as IndexedDB version n × 10. */
export const IDB_VERSION = SCHEMA_VERSION * 10;

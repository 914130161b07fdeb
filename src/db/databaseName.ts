/** ⚠ PERSISTENCE-CRITICAL: the IndexedDB database name. Renaming it strands every device's data. */
export const DATABASE_NAME = 'veldwerk';

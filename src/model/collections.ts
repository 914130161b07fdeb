/**
 * ⚠ The synced collections, declared once for the device, the wire and the server. A new collection (consent,
 * referrals, networks …) is added here and in changes.ts; the compiler then names every other place that must
 * know about it.
 */
export const COLLECTIONS = ['cases', 'notes', 'followUps', 'partners', 'examples', 'instrumentRuns'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export interface CollectionRules {
  /** Which kind of scope owns its rows: dossiers belong to a team, the directory to the organisation. */
  scope: 'team' | 'organisation' | 'either';
  /**
   * The top-level fields that carry their own version besides every `body.<key>` (see protocol TOP_LEVEL_FIELDS).
   * Ids, scope, caseId and dates of creation are set once by the create and never change.
   */
  topLevelFields: readonly string[];
}

export const COLLECTION_RULES: Record<Collection, CollectionRules> = {
  cases: { scope: 'team', topLevelFields: ['status'] },
  notes: { scope: 'team', topLevelFields: [] },
  followUps: { scope: 'team', topLevelFields: ['status', 'dueDate', 'doneAt'] },
  partners: { scope: 'organisation', topLevelFields: ['themes'] },
  examples: { scope: 'organisation', topLevelFields: ['themes'] },
  // A network instrument belongs to the organisation or a team; a client's (ecogram) to its case's team.
  instrumentRuns: { scope: 'either', topLevelFields: ['status'] },
};

/** For switches that must name every case: a new member of a union becomes a compile error there. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

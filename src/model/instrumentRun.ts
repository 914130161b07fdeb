import * as v from 'valibot';
import type { Row } from './rows';
import { LONG_TEXT_MAX, shortText } from './validation';

/**
 * An instrument run: one filled-in copy of a working instrument from the handreikingen (a power–interest grid of
 * this municipality's partners, an ecogram drawn with one client …). Resumable, listed, printable and synced.
 *
 * The body is a flat map of answer key → answer, so that sync versions every answer on its own (`body.<key>`):
 * two coordinators filling in different questions of one run never conflict. What the keys mean per instrument
 * is defined in src/model/instruments.ts; this module only knows their shape.
 */
export const INSTRUMENT_KINDS = [
  'gelaagde-realiteit',
  'machts-belangenmatrix',
  'netwerk-startvragen',
  'samenwerkingsovereenkomst',
  'netwerk-evaluatie',
  'ecogram',
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/**
 * Instruments about one client: attached to a case, stored in that case's team scope, and their answers are
 * client data like a visit note's text. The others are about the local network and belong to the organisation.
 */
export const CASE_INSTRUMENTS: readonly InstrumentKind[] = ['ecogram'];
export const isCaseInstrument = (kind: InstrumentKind): boolean => CASE_INSTRUMENTS.includes(kind);

export const RUN_STATUSES = ['open', 'done'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A checklist item's state. '' = not answered yet. */
export const CHECK_STATES = ['', 'yes', 'partly', 'no', 'na'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** Where a partner sits in a power–interest grid. */
export const LEVELS = ['high', 'low'] as const;
/**
 * How someone in a grid stands towards the plan. Optional: a placement stored before attitudes existed, or one
 * whose attitude nobody knows yet, has none (read as unknown).
 */
export const ATTITUDES = ['supports', 'neutral', 'critical'] as const;
export type Attitude = (typeof ATTITUDES)[number];
const placementFields = {
  kind: v.literal('placement'),
  power: v.picklist(LEVELS),
  interest: v.picklist(LEVELS),
  note: shortText,
  attitude: v.optional(v.picklist(ATTITUDES)),
};
/** A partner of the directory in a grid, stored under `p:<partnerId>`. */
export const GridPlacementSchema = v.strictObject(placementFields);
export type GridPlacement = v.InferOutput<typeof GridPlacementSchema>;

/** People and groups a grid names who are not in the directory: residents, clients, politicians … */
export const OUTSIDER_KINDS = ['resident', 'client', 'politician', 'other'] as const;
export type OutsiderKind = (typeof OUTSIDER_KINDS)[number];
export const OUTSIDER_NAME_MAX = 120;
/** Someone outside the directory in a grid, stored under `o:<id>`: named here, with what kind of actor they are. */
export const OutsiderPlacementSchema = v.strictObject({
  ...placementFields,
  who: v.picklist(OUTSIDER_KINDS),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(OUTSIDER_NAME_MAX)),
});
export type OutsiderPlacement = v.InferOutput<typeof OutsiderPlacementSchema>;

/** A person or service in a client's ecogram, and what the tie with them is like. */
export const ECO_GROUPS = ['household', 'family', 'friends', 'neighbours', 'workSchool', 'volunteers', 'professionals', 'other'] as const;
export const ECO_TIES = ['strong', 'ordinary', 'weak', 'stressful', 'broken'] as const;
export const ECO_SUPPORTS = ['practical', 'company', 'advice', 'emotional'] as const;
export const EcoPersonSchema = v.strictObject({
  kind: v.literal('person'),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120)),
  group: v.picklist(ECO_GROUPS),
  tie: v.picklist(ECO_TIES),
  supports: v.pipe(v.array(v.picklist(ECO_SUPPORTS)), v.maxLength(ECO_SUPPORTS.length)),
  note: shortText,
});
export type EcoPerson = v.InferOutput<typeof EcoPersonSchema>;

/**
 * One answer: text (also a checklist state, see CHECK_STATES), a grid placement, an ecogram person, or null for
 * an entry that was removed (kept as null, so the removal syncs and merges like any other change).
 */
export const AnswerSchema = v.union([
  v.pipe(v.string(), v.maxLength(LONG_TEXT_MAX)),
  v.null(),
  GridPlacementSchema,
  OutsiderPlacementSchema,
  EcoPersonSchema,
]);
export type Answer = v.InferOutput<typeof AnswerSchema>;

/** Answer keys: `title`, a question id, or `<prefix>:<id>` for entries (a partner in a grid, a person in an ecogram). */
export const ANSWER_KEY = /^[a-z][a-zA-Z0-9]*(:[a-zA-Z0-9-]{1,64})?$/;
/** Removed entries stay as null keys (so removals sync): room for a long-lived ecogram or grid. */
export const MAX_ANSWERS = 500;
const answerKey = v.pipe(v.string(), v.maxLength(80), v.regex(ANSWER_KEY));

/** An outsider's entry is only ever under `o:`, and `o:` holds nothing else: the key says how to read the value. */
const outsiderKeysMatch = (answers: Record<string, Answer>): boolean =>
  Object.entries(answers).every(([key, value]) => value === null || key.startsWith('o:') === isOutsider(value));

export const AnswersSchema = v.pipe(
  v.record(answerKey, AnswerSchema),
  v.check((answers) => Object.keys(answers).length <= MAX_ANSWERS, 'tooManyAnswers'),
  v.check(outsiderKeysMatch, 'outsiderKey'),
);
export type Answers = v.InferOutput<typeof AnswersSchema>;

/** A whole body: the answers, with a title the run is listed by. */
export const InstrumentBodySchema = v.pipe(
  AnswersSchema,
  v.check((body) => typeof body.title === 'string' && body.title.trim().length > 0 && body.title.length <= 300, 'title'),
);
export type InstrumentBody = Answers & { title?: Answer };

export interface InstrumentRun extends Row<InstrumentBody> {
  instrument: InstrumentKind;
  /** The case a client instrument belongs to; '' for a network instrument. */
  caseId: string;
  status: RunStatus;
}

/** The title a run is listed by (always a string in a valid body). */
export function runTitle(run: Pick<InstrumentRun, 'body'>): string {
  return typeof run.body.title === 'string' ? run.body.title : '';
}

/** The entries of a run with a given prefix (`p` partners in a grid, `r` people in an ecogram), removed ones left out. */
export function entries<T extends Answer>(body: InstrumentBody, prefix: string, is: (a: Answer) => a is T): Array<[id: string, value: T]> {
  const out: Array<[string, T]> = [];
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith(`${prefix}:`) || value === null || value === undefined || !is(value)) continue;
    out.push([key.slice(prefix.length + 1), value]);
  }
  return out;
}

/** A place in a grid: a partner's (`p:`) or an outsider's (`o:`); both have power, interest, note and attitude. */
export const isPlacement = (a: Answer): a is GridPlacement | OutsiderPlacement => typeof a === 'object' && a !== null && a.kind === 'placement';
export const isOutsider = (a: Answer): a is OutsiderPlacement => isPlacement(a) && 'who' in a;
export const isPartnerPlacement = (a: Answer): a is GridPlacement => isPlacement(a) && !('who' in a);
export const isEcoPerson = (a: Answer): a is EcoPerson => typeof a === 'object' && a !== null && a.kind === 'person';

/** The answers of `next` that differ from `prev`: what one save of a run sends. */
export function changedAnswers(prev: Answers, next: Answers): Answers {
  const out: Answers = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(prev[key] ?? null) !== JSON.stringify(value)) out[key] = value;
  }
  return out;
}

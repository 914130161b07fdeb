import {
  entries,
  isOutsider,
  isPartnerPlacement,
  OutsiderPlacementSchema,
  type Answers,
  type Attitude,
  type GridPlacement,
  type OutsiderKind,
  type OutsiderPlacement,
} from './instrumentRun';
import { check, type Problem } from './validation';

/**
 * The four quadrants of a power–interest grid, in the order the grid is drawn and read: the high-power row first,
 * low interest on the left. Each says how to deal with whoever sits in it.
 */
export const QUADRANTS = ['keepSatisfied', 'manageClosely', 'monitor', 'keepInformed'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export function quadrantOf(placement: Pick<GridPlacement, 'power' | 'interest'>): Quadrant {
  if (placement.power === 'high') return placement.interest === 'high' ? 'manageClosely' : 'keepSatisfied';
  return placement.interest === 'high' ? 'keepInformed' : 'monitor';
}

/** The power and interest a quadrant stands for (the inverse of quadrantOf). */
export function levelsOf(quadrant: Quadrant): Pick<GridPlacement, 'power' | 'interest'> {
  const power = quadrant === 'manageClosely' || quadrant === 'keepSatisfied' ? 'high' : 'low';
  const interest = quadrant === 'manageClosely' || quadrant === 'keepInformed' ? 'high' : 'low';
  return { power, interest };
}

/** Entries sorted into their quadrants, each quadrant keeping the order it was given. */
export function byQuadrant<T extends Pick<GridPlacement, 'power' | 'interest'>>(entries: ReadonlyArray<[string, T]>): Record<Quadrant, Array<[string, T]>> {
  const out: Record<Quadrant, Array<[string, T]>> = { keepSatisfied: [], manageClosely: [], monitor: [], keepInformed: [] };
  for (const entry of entries) out[quadrantOf(entry[1])].push(entry);
  return out;
}

/** One name in a grid, whoever it is: a partner of the directory (`p:<partnerId>`) or someone outside it (`o:<id>`). */
export interface GridEntry {
  /** The answer key the placement is stored under. */
  key: string;
  name: string;
  /** What kind of actor someone outside the directory is; absent for a partner. */
  who?: OutsiderKind;
  placement: GridPlacement | OutsiderPlacement;
}

/** Everyone in a grid, by name. A partner's name comes from the directory (`partnerName`), an outsider's from the run. */
export function gridEntries(answers: Answers, partnerName: (partnerId: string) => string, lang?: string): GridEntry[] {
  const partners = entries(answers, 'p', isPartnerPlacement).map(([id, placement]): GridEntry => ({ key: `p:${id}`, name: partnerName(id), placement }));
  const others = entries(answers, 'o', isOutsider).map(([id, placement]): GridEntry => ({ key: `o:${id}`, name: placement.name, who: placement.who, placement }));
  return [...partners, ...others].sort((a, b) => a.name.localeCompare(b.name, lang) || (a.key < b.key ? -1 : 1));
}

/** How someone stands towards the plan; a placement without an attitude (stored before there was one) is unknown. */
export const attitudeOf = (placement: Pick<GridPlacement, 'attitude'>): Attitude | 'unknown' => placement.attitude ?? 'unknown';

/** What the add form holds: a partner chosen from the directory, or a name and kind typed for someone else. */
export interface PlacementDraft {
  source: 'directory' | 'outsider';
  partnerId: string;
  name: string;
  who: OutsiderKind | '';
  power: GridPlacement['power'];
  interest: GridPlacement['interest'];
  attitude: Attitude | 'unknown';
}

/** What stops the draft being placed, one problem per field in the order of the form (`partner`, `name`, `who`). */
export function placementDraftProblems(draft: PlacementDraft): Problem[] {
  if (draft.source === 'directory') return draft.partnerId ? [] : [{ path: 'partner', code: 'required' }];
  const checked = check(OutsiderPlacementSchema, outsiderOf(draft));
  if (checked.ok) return [];
  const order = ['name', 'who'];
  return checked.problems.filter((p) => order.includes(p.path)).sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
}

function outsiderOf(draft: PlacementDraft): OutsiderPlacement {
  const { power, interest } = draft;
  return { kind: 'placement', power, interest, note: '', ...withAttitude(draft.attitude), who: draft.who as OutsiderKind, name: draft.name.trim() };
}

const withAttitude = (attitude: PlacementDraft['attitude']): Pick<GridPlacement, 'attitude'> => (attitude === 'unknown' ? {} : { attitude });

/**
 * The answer a valid draft becomes: its key (`newId` makes an outsider's) and value. An unknown attitude is left
 * out rather than stored, so it reads the same as a placement made before attitudes existed.
 */
export function placementOfDraft(draft: PlacementDraft, newId: () => string): { key: string; value: GridPlacement | OutsiderPlacement } {
  if (draft.source === 'directory') {
    const { power, interest } = draft;
    return { key: `p:${draft.partnerId}`, value: { kind: 'placement', power, interest, note: '', ...withAttitude(draft.attitude) } };
  }
  return { key: `o:${newId()}`, value: outsiderOf(draft) };
}

/** A placement with another attitude; 'unknown' removes it. */
export function withAttitudeSet<T extends GridPlacement | OutsiderPlacement>(placement: T, attitude: PlacementDraft['attitude']): T {
  const { attitude: _old, ...rest } = placement;
  return { ...rest, ...withAttitude(attitude) } as T;
}

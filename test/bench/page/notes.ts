// Synthetic visit notes: valid VisitNote rows (the app's own types and empty body), ~1 KB of JSON each.
import { addDays } from '../../../src/model/dates';
import { newId } from '../../../src/model/ids';
import type { Snapshot } from '../../../src/model/snapshot';
import { emptyVisitNote, type VisitNote } from '../../../src/model/visitNote';

export const FIRST_DAY = '2024-01-01';
export const DAYS = 730; // two years of visits
export const TARGET_JSON_BYTES = 1000;
export const SCOPES = { teamId: 'bench-team', orgId: 'bench-org', orgName: 'Benchmarkstad' };

/** Deterministic PRNG (mulberry32), so every run imports and queries the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const caseId = (i: number) => `case-${String(i).padStart(4, '0')}`;

/** n notes over `cases` cases, visit days spread uniformly over two years. */
export function makeNotes(n: number, cases: number, seed = 1): VisitNote[] {
  const random = rng(seed);
  const base = Date.UTC(2026, 0, 1);
  const notes: VisitNote[] = [];
  for (let i = 0; i < n; i++) {
    const date = addDays(FIRST_DAY, Math.floor(random() * DAYS));
    const stamp = new Date(`${date}T10:00:00Z`).toISOString();
    const body = emptyVisitNote(date);
    body.context.place = 'Huisbezoek';
    body.context.visitType = 'followUp';
    body.hulpvraag.ownWords = 'Vraag naar ondersteuning bij de energiefactuur en de huurwaarborg.';
    body.administratief.author = 'Benchmark';
    const note: VisitNote = {
      // UUIDv7 like the app's own rows; one ms apart keeps the ids unique and time-ordered.
      id: newId(base + i),
      scopeId: SCOPES.teamId,
      caseId: caseId(Math.floor(random() * cases)),
      date,
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
      body,
    };
    // Pad one free-text field so the whole row is ~1 KB as JSON (the size of a short real note).
    const missing = TARGET_JSON_BYTES - JSON.stringify(note).length;
    body.observaties.facts = 'Observatie. '.repeat(Math.ceil(Math.max(0, missing) / 12)).slice(0, Math.max(0, missing));
    notes.push(note);
  }
  return notes;
}

/** A snapshot holding only these notes: what importSnapshot takes, other tables left empty. */
export function snapshotOf(notes: VisitNote[]): Snapshot {
  return {
    format: 'veldwerk-snapshot',
    formatVersion: 1,
    scopes: SCOPES,
    cases: [],
    notes,
    followUps: [],
    partners: [],
    examples: [],
  };
}

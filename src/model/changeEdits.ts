import { assertNever, type Collection } from './collections';
import { BODY } from './changes';
import type { Answers, RunStatus } from './instrumentRun';
import type { Mutation } from './mutation';
import type { Theme } from './themes';

/*
 * Changes made from other changes, exhaustive like effectOf (changes.ts): a settled conflict and a refused change
 * tried again. Kept apart from changes.ts, which the first screen loads.
 */

/**
 * The change that sets one field path of a row to a value: how a conflict settled on the device goes to the
 * server. The inverse of effectOf for the collections whose rows are edited field by field.
 */
export function settingField(collection: Collection, id: string, path: string, value: unknown): Mutation {
  const fields = path.startsWith(BODY) ? { [path.slice(BODY.length)]: value } : {};
  const themes = path === 'themes' ? { themes: value as Theme[] } : {};
  switch (collection) {
    case 'cases':
      return path === 'status' ? { type: 'case.transition', id, status: value as 'open' | 'closed' } : { type: 'case.setFields', id, fields };
    case 'partners':
      return { type: 'partner.setFields', id, fields, ...themes };
    case 'examples':
      return { type: 'example.setFields', id, fields, ...themes };
    case 'instrumentRuns':
      return path === 'status' ? { type: 'instrumentRun.setStatus', id, status: value as RunStatus } : { type: 'instrumentRun.setAnswers', id, answers: fields as Answers };
    case 'followUps':
      if (path === 'status' && value === 'open') return { type: 'followUp.reopen', id };
      return { type: 'followUp.complete', id, doneAt: path === 'doneAt' && typeof value === 'string' && value ? value : new Date().toISOString() };
    case 'notes':
      // A note is never edited: its text only ever arrives with its own, new id.
      throw new Error('A note has no fields to set.');
    default:
      return assertNever(collection);
  }
}

/**
 * The same change setting only `paths` (a subset of changedPaths), or null when none is left. How a refused
 * change is tried again without undoing what the person changed later.
 */
export function restrictedTo(m: Mutation, paths: ReadonlySet<string>): Mutation | null {
  const keep = (fields: object) => Object.fromEntries(Object.entries(fields).filter(([key]) => paths.has(BODY + key)));
  const some = (fields: object) => Object.keys(fields).length > 0;
  switch (m.type) {
    case 'case.create':
    case 'note.add':
    case 'note.addAddendum':
    case 'followUp.add':
    case 'partner.create':
    case 'example.create':
    case 'instrumentRun.start':
      return m;
    case 'case.setFields': {
      const fields = keep(m.fields);
      return some(fields) ? { ...m, fields } : null;
    }
    case 'partner.setFields':
    case 'example.setFields': {
      const fields = keep(m.fields);
      const themes = m.themes && paths.has('themes') ? { themes: m.themes } : {};
      const { themes: _dropped, ...rest } = m;
      return some(fields) || 'themes' in themes ? { ...rest, fields, ...themes } : null;
    }
    case 'instrumentRun.setAnswers': {
      const answers = keep(m.answers);
      return some(answers) ? { ...m, answers: answers as Answers } : null;
    }
    case 'case.transition':
    case 'instrumentRun.setStatus':
      return paths.has('status') ? m : null;
    case 'followUp.complete':
    case 'followUp.reopen':
      return paths.has('status') ? m : null;
    default:
      return assertNever(m);
  }
}


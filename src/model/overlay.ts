import type { Mutation } from './mutation';

type AnyRow = Record<string, unknown> & { body?: Record<string, unknown> };

/**
 * A queued change laid over a row that just arrived from the server, so a pull never seems to undo what the
 * user did on this device while the change is still on its way. Creates are skipped: their row is the row.
 */
export function overlay<R extends AnyRow>(row: R, m: Mutation): R {
  switch (m.type) {
    case 'case.setFields':
      return { ...row, body: { ...row.body, ...m.fields } };
    case 'partner.setFields':
    case 'example.setFields':
      return { ...row, body: { ...row.body, ...m.fields }, ...(m.themes ? { themes: m.themes } : {}) };
    case 'instrumentRun.setAnswers':
      return { ...row, body: { ...row.body, ...m.answers } };
    case 'case.transition':
    case 'instrumentRun.setStatus':
      return { ...row, status: m.status };
    case 'followUp.complete':
      return { ...row, status: 'done', doneAt: m.doneAt };
    case 'followUp.reopen':
      return { ...row, status: 'open', doneAt: '' };
    default:
      return row;
  }
}

/** The id of the row a mutation is about. */
export function targetId(m: Mutation): string {
  return 'row' in m ? m.row.id : m.id;
}

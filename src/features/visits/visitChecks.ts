import { fieldProblemText, type FieldWords } from '../../i18n/errorText';
import { formatDay } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { visitNoteWarnings } from '../../model/plausibility';
import { check } from '../../model/validation';
import { VisitNoteBodySchema, type VisitNoteBody } from '../../model/visitNote';
import type { FieldMessage } from '../../ui/fieldMessages';

/** What stops a note from being saved, field by field, in the words of the form. */
export function visitErrors(body: VisitNoteBody): FieldMessage[] {
  const checked = check(VisitNoteBodySchema, body);
  if (checked.ok) return [];
  return checked.problems.map((problem) => ({ path: problem.path, message: fieldProblemText(problem, visitFieldWords(problem.path, body)) }));
}

/** What looks like a slip in a note, asked once before saving. */
export function visitWarnings(body: VisitNoteBody, today: string): FieldMessage[] {
  return visitNoteWarnings(body, today).map(({ path, code }) => {
    const { date, startTime, endTime } = body.context;
    if (code === 'visitAhead') return { path, message: t('visit.warnings.visitAhead', { date: formatDay(date, 'long') }) };
    if (code === 'endBeforeStart') return { path, message: t('visit.warnings.endBeforeStart', { start: startTime, end: endTime }) };
    if (code === 'emptyNote') return { path, message: t('visit.warnings.emptyNote') };
    const agreement = /^afspraken\.(\d+)\.due$/.exec(path);
    if (agreement) {
      const i = Number(agreement[1]);
      return { path, message: t('visit.warnings.agreementDue', { n: i + 1, date: formatDay(body.afspraken[i]?.due ?? '', 'long') }) };
    }
    return { path, message: t('visit.warnings.nextContactDue', { date: formatDay(body.opvolging.nextContactDate, 'long') }) };
  });
}

/** Labels by path; `*` stands for the number of an agreement or referral. */
const LABELS: Record<string, () => string> = {
  'context.date': () => t('visit.context.date'),
  'context.startTime': () => t('visit.context.startTime'),
  'context.endTime': () => t('visit.context.endTime'),
  'context.place': () => t('visit.context.place'),
  'context.present': () => t('visit.context.present'),
  'context.reason': () => t('visit.context.reason'),
  'hulpvraag.ownWords': () => t('visit.hulpvraag.ownWords'),
  'observaties.facts': () => t('visit.observaties.facts'),
  'observaties.interpretation': () => t('visit.observaties.interpretation'),
  'observaties.strengths': () => t('visit.observaties.strengths'),
  'afspraken.*.what': () => t('visit.afspraken.what'),
  'afspraken.*.who': () => t('visit.afspraken.who'),
  'afspraken.*.due': () => t('visit.afspraken.due'),
  'opvolging.nextContactDate': () => t('visit.opvolging.nextDate'),
  'opvolging.documents': () => t('visit.opvolging.documents'),
  'signalen.rightsNotUsed': () => t('visit.signalen.rightsNotUsed'),
  'signalen.safety': () => t('visit.signalen.safety'),
  'signalen.structural': () => t('visit.signalen.structural'),
  'administratief.author': () => t('visit.admin.author'),
  'administratief.role': () => t('visit.admin.role'),
  'administratief.shareable': () => t('visit.admin.shareable'),
};

const KINDS: Record<string, FieldWords['kind']> = {
  'context.date': 'date',
  'context.startTime': 'time',
  'context.endTime': 'time',
  'afspraken.*.due': 'date',
  'opvolging.nextContactDate': 'date',
};

/** How the note's form names a field, so a message can say what to do with it. */
export function visitFieldWords(path: string, body: VisitNoteBody): FieldWords {
  const pattern = path.replace(/\.\d+(?=\.|$)/g, '.*');
  const index = Number(/\.(\d+)(?=\.|$)/.exec(path)?.[1] ?? 0);
  const words: FieldWords = { label: LABELS[pattern]?.() ?? t('visit.title'), kind: KINDS[pattern] };
  if (pattern.startsWith('afspraken.*.')) words.label = `${t('visit.afspraken.number', { n: index + 1 })}: ${words.label}`;
  if (pattern === 'opvolging.referrals.*.reason') words.label = t('visit.opvolging.referralReason', { partner: body.opvolging.referrals[index]?.partnerName ?? '' });
  const domain = /^hulpvraag\.domains\.(\w+)$/.exec(path)?.[1];
  if (domain) words.label = t(`themes.${domain as 'inkomen'}`);
  if (path === 'context.date') words.required = t('visit.problems.dateRequired');
  return words;
}

import * as v from 'valibot';
import type { Row } from './rows';
import { longText, requiredShort, shortText } from './validation';

/** A dossier: the person or household the team supports. Everything in the body is client data. */
export const CaseBodySchema = v.object({
  label: requiredShort,
  address: shortText,
  phone: shortText,
  household: longText,
});
export type CaseBody = v.InferOutput<typeof CaseBodySchema>;

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseFile extends Row<CaseBody> {
  status: CaseStatus;
}

export function emptyCaseBody(): CaseBody {
  return { label: '', address: '', phone: '', household: '' };
}

/** Case-insensitive, accent-insensitive match on the label, as a worker types part of a name. */
export function caseMatches(caseFile: CaseFile, query: string): boolean {
  // No search, no folding: the caseload's first frame then needs neither Unicode normalisation nor \p{M}.
  if (query.trim() === '') return true;
  const q = fold(query.trim());
  return q === '' || fold(caseFile.body.label).includes(q);
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

import type { CaseFile } from './caseFile';

/**
 * Who a case belongs to within its team: the person who created it, as the server stamped its fields at the
 * create. A case not yet synced carries no stamps and is the device's own person's.
 */
export function caseAuthor(caseFile: Pick<CaseFile, 'fields'>, me: string): string {
  return caseFile.fields?.['body.label']?.by ?? me;
}

export interface CaseloadFilter {
  teamId: string;
  authorId: string;
}

/** '' means "all": a coordinator narrows their teams' caseloads by team and by worker. */
export function matchesFilter(caseFile: Pick<CaseFile, 'scopeId' | 'fields'>, filter: CaseloadFilter, me: string): boolean {
  return (filter.teamId === '' || caseFile.scopeId === filter.teamId) && (filter.authorId === '' || caseAuthor(caseFile, me) === filter.authorId);
}

/**
 * Whose a follow-up is, for a coordinator's filter per person: the worker whose case it is (as the caseload's
 * filter says), whoever typed it; a coordinator's follow-up on Lotte's case is on Lotte's list. '' when its case
 * is not on this device.
 */
export function followUpOwner(caseFile: Pick<CaseFile, 'fields'> | null, me: string): string {
  return caseFile ? caseAuthor(caseFile, me) : '';
}

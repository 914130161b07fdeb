import { t } from '../../i18n/i18n';
import { checkReachability } from '../../sync/status';
import { adminErrorCode } from './adminPort';

/** One sentence for a failed admin request: what happened and what to do. */
export function adminErrorText(error: unknown): string {
  return t(`admin.errors.${adminErrorCode(error)}`);
}

/** A request that found no server: look again now, so the header and the screens say so at once. */
export function noticeFailure(error: unknown): void {
  if (adminErrorCode(error) === 'offline') void checkReachability();
}

import { t } from '../../i18n/i18n';

/** The audit actions the server writes (accounts, sign-in, sync, devices, teams, settings, dossiers). */
export const AUDIT_ACTIONS = [
  ...['login', 'login.failed', 'login.disabled', 'logout', 'refresh.reuse', 'sync.push', 'sync.pull', 'sync.snapshot'],
  ...['case.create', 'case.setFields', 'case.transition', 'device.revoke', 'team.create', 'team.rename', 'settings.change'],
  ...['account.create', 'account.disable', 'account.enable', 'account.rename', 'account.role', 'account.resetPassword'],
  ...['account.revokeSessions', 'account.addTeam', 'account.removeTeam'],
  // Changes pushed under a dossier are logged by their change type (src/model/mutation.ts).
  ...['note.add', 'note.addAddendum', 'followUp.add', 'followUp.complete', 'followUp.reopen', 'instrumentRun.start', 'instrumentRun.setAnswers', 'instrumentRun.setStatus'],
];

/** The locale key of a known action: `account.create` → `account_create` (keys do not nest on the dot). */
export const auditActionKey = (action: string): string => action.replace('.', '_');

/** An action in words; one this app does not know yet keeps its code, so nothing of the log is hidden. */
export function auditActionText(action: string): string {
  if (!AUDIT_ACTIONS.includes(action)) return action;
  return t(`admin.audit.actions.${auditActionKey(action) as 'login'}`);
}

/** A dossier's id from what an admin pastes: its link (…/dossiers/<id>…) or the id itself. */
export function caseIdFrom(input: string): string {
  const text = input.trim();
  const match = /\/dossiers\/([^/?#\s]+)/.exec(text);
  return match ? decodeURIComponent(match[1]!) : text;
}

import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { Person } from '../../model/admin';
import { Notice } from '../../ui/Notice';
import { adminErrorText } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { ConfirmAction } from './ConfirmAction';
import { OneTimePassword } from './OneTimePassword';
import { useAdminAction } from './useAdminAction';

interface Props {
  admin: AdminPort;
  person: Person;
  self: boolean;
  online: boolean;
  onChanged: () => void;
}

/** Switch the account off or on again, give a new one-time password, or end every session: each asked first. */
export function AccountActions({ admin, person, self, online, onChanged }: Props) {
  const action = useAdminAction();
  const [password, setPassword] = useState<string | null>(null);
  const name = person.displayName;
  const off = !online || action.busy;
  const setDisabled = (disabled: boolean) =>
    void action.run(async () => {
      await admin.updatePerson(person.id, { disabled });
      onChanged();
      return t(disabled ? 'admin.person.disabled' : 'admin.person.enabled', { name });
    });
  return (
    <section aria-labelledby="account-actions">
      <h3 id="account-actions">{t('admin.person.accountTitle')}</h3>
      {action.error !== null && <Notice kind="error">{adminErrorText(action.error)}</Notice>}
      {action.done && <Notice kind="success">{action.done}</Notice>}
      {password && <OneTimePassword name={name} password={password} />}
      <div class="actions">
        {!self &&
          (person.disabled ? (
            <ConfirmAction label={t('admin.person.enable')} question={t('admin.person.enableConfirm', { name })} confirmLabel={t('admin.person.enableYes')} disabled={off} onConfirm={() => setDisabled(false)} />
          ) : (
            <ConfirmAction label={t('admin.person.disable')} question={t('admin.person.disableConfirm', { name })} confirmLabel={t('admin.person.disableYes')} danger disabled={off} onConfirm={() => setDisabled(true)} />
          ))}
        <ConfirmAction
          label={t('admin.person.reset')}
          question={t('admin.person.resetConfirm', { name })}
          confirmLabel={t('admin.person.resetYes')}
          disabled={off}
          onConfirm={() =>
            void action.run(async () => {
              setPassword(null);
              setPassword(await admin.resetPassword(person.id));
              return t('admin.person.resetDone', { name });
            })
          }
        />
        <ConfirmAction
          label={t('admin.person.endSessions')}
          question={t('admin.person.endSessionsConfirm', { name })}
          confirmLabel={t('admin.person.endSessionsYes')}
          disabled={off}
          onConfirm={() =>
            void action.run(async () => {
              await admin.revokeSessions(person.id);
              return t('admin.person.sessionsEnded', { name });
            })
          }
        />
      </div>
    </section>
  );
}

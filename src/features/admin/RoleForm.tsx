import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { PERSON_ROLES, type Person, type PersonRole } from '../../model/admin';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { Notice } from '../../ui/Notice';
import { useUnsavedWhile } from '../../ui/useFormValues';
import { useSubmit } from '../../ui/useSubmit';
import { adminErrorText, noticeFailure } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { roleText } from './personText';

interface Props {
  admin: AdminPort;
  person: Person;
  online: boolean;
  onChanged: () => void;
}

/** Change someone's role; it counts from their next sign-in or session refresh (the server ends their tokens). */
export function RoleForm({ admin, person, online, onChanged }: Props) {
  const [role, setRole] = useState<PersonRole>(person.role);
  const [saved, setSaved] = useState<string | null>(null);
  const markSaved = useUnsavedWhile(role !== person.role);
  const { busy, error, submit } = useSubmit(async () => {
    try {
      const changed = await admin.updatePerson(person.id, { role });
      markSaved();
      setSaved(t('admin.person.roleSaved', { name: changed.displayName, role: roleText(changed.role) }));
      onChanged();
    } catch (e) {
      noticeFailure(e);
      setSaved(null);
      throw e;
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('admin.person.roleTitle')}</h3>
      <ErrorSummary title={t('formCheck.errorTitle')} items={error ? [{ message: adminErrorText(error) }] : []} level={4} />
      <ChoiceChips legend={t('admin.person.role')} options={PERSON_ROLES.map((r) => ({ value: r, label: roleText(r) }))} value={role} onChange={(r) => setRole(r as PersonRole)} />
      {saved && <Notice kind="success">{saved}</Notice>}
      <div class="actions">
        <Button type="submit" disabled={busy || !online || role === person.role}>
          {t('admin.person.roleSave')}
        </Button>
      </div>
    </form>
  );
}

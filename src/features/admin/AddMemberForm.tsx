import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { Person, Team } from '../../model/admin';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useSubmit } from '../../ui/useSubmit';
import { adminErrorText, noticeFailure } from './adminErrorText';
import type { AdminPort } from './adminPort';

interface Props {
  admin: AdminPort;
  team: Team;
  candidates: Person[];
  online: boolean;
  onAdded: () => void;
}

/** Adds one of the people not yet in the team. */
export function AddMemberForm({ admin, team, candidates, online, onAdded }: Props) {
  const [personId, setPersonId] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const chosen = candidates.find((p) => p.id === personId) ?? candidates[0];
  const { busy, error, submit } = useSubmit(async () => {
    setAdded(null);
    if (!chosen) return;
    try {
      await admin.addMember(team.id, chosen.id);
      setPersonId('');
      setAdded(t('admin.teams.added', { name: chosen.displayName, team: team.name }));
      onAdded();
    } catch (e) {
      noticeFailure(e);
      throw e;
    }
  });
  if (candidates.length === 0) return <p class="list-meta">{t('admin.teams.everyoneIn')}</p>;
  return (
    <form onSubmit={submit} noValidate class="inline-form">
      {error !== null && <Notice kind="error">{adminErrorText(error)}</Notice>}
      {added && <Notice kind="success">{added}</Notice>}
      <SelectField
        label={t('admin.teams.addMember', { team: team.name })}
        value={chosen?.id ?? ''}
        onValue={setPersonId}
        options={candidates.map((p) => ({ value: p.id, label: p.disabled ? t('admin.teams.disabledOption', { name: p.displayName }) : p.displayName }))}
      />
      <div class="actions">
        <Button type="submit" disabled={busy || !online}>
          {t('admin.teams.add')}
        </Button>
      </div>
    </form>
  );
}

import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { PERSON_ROLES, type CreatePersonBody, type CreatePersonResponse, type Team } from '../../model/admin';
import type { Reachability } from '../../sync/status';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useFormValues } from '../../ui/useFormValues';
import { useSubmit } from '../../ui/useSubmit';
import { AdminPage } from './AdminPage';
import { adminErrorText, noticeFailure } from './adminErrorText';
import { adminErrorCode, type AdminPort } from './adminPort';
import { newPersonProblems, type FieldProblem } from './adminProblems';
import { byName } from './byName';
import { OneTimePassword } from './OneTimePassword';
import { roleText } from './personText';
import { useAdminLoad } from './useAdminLoad';

const EMPTY: CreatePersonBody = { email: '', displayName: '', role: 'worker', teamIds: [] };

/** A new account: e-mail, name, role and teams; the one-time password is shown once, here. */
export function NewPersonScreen({ admin }: { admin: AdminPort }) {
  const [created, setCreated] = useState<CreatePersonResponse | null>(null);
  const [round, setRound] = useState(0);
  return (
    <AdminPage admin={admin} title={t('admin.newPerson.title')} back>
      {({ reach, online }) =>
        created ? (
          <>
            <Notice kind="success">{t('admin.newPerson.created', { name: created.person.displayName })}</Notice>
            <OneTimePassword name={created.person.displayName} password={created.oneTimePassword} />
            <div class="actions">
              <Link class="btn btn-secondary" href={`/beheer/mensen/${encodeURIComponent(created.person.id)}`}>
                {t('admin.newPerson.toPerson', { name: created.person.displayName })}
              </Link>
              <Button
                onClick={() => {
                  setCreated(null);
                  setRound((r) => r + 1);
                }}
              >
                {t('admin.newPerson.another')}
              </Button>
            </div>
          </>
        ) : (
          <NewPersonForm key={round} admin={admin} reach={reach} online={online} onCreated={setCreated} />
        )
      }
    </AdminPage>
  );
}

interface FormProps {
  admin: AdminPort;
  reach: Reachability;
  online: boolean;
  onCreated: (created: CreatePersonResponse) => void;
}

function NewPersonForm({ admin, reach, online, onCreated }: FormProps) {
  const teams = useAdminLoad(() => admin.listTeams(), reach).result;
  const form = useFormValues<CreatePersonBody>(EMPTY);
  const input = form.values;
  const [problems, setProblems] = useState<Partial<Record<keyof CreatePersonBody, FieldProblem | 'emailTaken'>>>({});
  const { busy, error, setError, submit } = useSubmit(async () => {
    const found = newPersonProblems(input);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    try {
      const answer = await admin.createPerson({ ...input, email: input.email.trim(), displayName: input.displayName.trim() });
      form.saved();
      onCreated(answer);
    } catch (e) {
      noticeFailure(e);
      if (adminErrorCode(e) !== 'emailTaken') throw e;
      setProblems({ email: 'emailTaken' });
    }
  });
  const text = (problem: FieldProblem | 'emailTaken' | undefined) =>
    problem === undefined ? undefined : problem === 'emailTaken' ? t('admin.errors.emailTaken') : t(`admin.problems.${problem}`);
  const set = (patch: Partial<CreatePersonBody>) => {
    setError(null);
    form.setValues({ ...input, ...patch });
  };
  // A missing value is named, so the summary never lists the same "fill this in" twice.
  const fieldErrors = {
    email: problems.email === 'required' ? t('admin.newPerson.emailRequired') : text(problems.email),
    displayName: problems.displayName === 'required' ? t('admin.newPerson.nameRequired') : text(problems.displayName),
    role: text(problems.role),
    teamIds: text(problems.teamIds),
  };
  const summary = [
    { path: 'email', message: fieldErrors.email },
    { path: 'displayName', message: fieldErrors.displayName },
    { message: fieldErrors.role },
    { message: fieldErrors.teamIds },
    { message: error ? adminErrorText(error) : undefined },
  ].filter((m): m is { path?: string; message: string } => !!m.message);
  const teamList: Team[] = teams.state === 'ready' ? byName(teams.value) : [];
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary title={t('formCheck.errorTitle')} items={summary} />
      <TextField label={t('admin.newPerson.email')} hint={t('admin.newPerson.emailHint')} type="email" value={input.email} onValue={(email) => set({ email })} path="email" error={fieldErrors.email} required />
      <TextField label={t('admin.newPerson.name')} value={input.displayName} onValue={(displayName) => set({ displayName })} path="displayName" error={fieldErrors.displayName} required />
      <ChoiceChips legend={t('admin.newPerson.role')} options={PERSON_ROLES.map((r) => ({ value: r, label: roleText(r) }))} value={input.role} onChange={(role) => set({ role: role as CreatePersonBody['role'] })} />
      {teams.state === 'failed' && <Notice kind="error">{adminErrorText(teams.error)}</Notice>}
      {teams.state === 'ready' && teamList.length === 0 && <p class="empty">{t('admin.newPerson.noTeams')}</p>}
      {teamList.length > 0 && (
        <CheckboxGroup legend={t('admin.newPerson.teams')} options={teamList.map((team) => ({ value: team.id, label: team.name }))} selected={input.teamIds} onChange={(teamIds) => set({ teamIds })} />
      )}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy || !online}>
          {t('admin.newPerson.submit')}
        </Button>
        <Link class="btn btn-secondary" href="/beheer/mensen">
          {t('admin.cancel')}
        </Link>
      </div>
    </form>
  );
}

import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import type { FieldMessage } from '../../ui/fieldMessages';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
import { LocalDataChoice, type LocalDataAnswer } from './LocalDataChoice';
import { signInErrorText } from './signInError';
import type { LocalDataSummary } from '../../db/localData';

/** What signing in answers: done, or first a question about the data already on this device. */
export type SignInOutcome =
  | { state: 'signedIn' }
  | { state: 'chooseLocalData'; summary: LocalDataSummary; teams: Array<{ id: string; name: string }> }
  | { state: 'otherPerson'; name: string };

interface Props {
  /** Signs in; rejects with an error whose `code` says why (see sync/api SyncErrorCode). */
  onSignIn: (email: string, password: string) => Promise<SignInOutcome>;
  /** The answer to 'chooseLocalData'. */
  onChooseLocalData: (answer: LocalDataAnswer) => Promise<unknown>;
  /** The previous session just ended here, and its data was erased from the device. */
  justSignedOut?: boolean;
}

/**
 * Only what surely cannot sign in is refused here: the server knows the accounts, so an address is checked for its
 * @ and nothing more (an organisation's own addresses may end in a name this device never saw).
 */
function signInErrors(email: string, password: string): FieldMessage[] {
  const errors: FieldMessage[] = [];
  if (email.trim() === '') errors.push({ path: 'email', message: t('login.problems.emailRequired') });
  else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errors.push({ path: 'email', message: t('login.problems.emailFormat') });
  if (password === '') errors.push({ path: 'password', message: t('login.problems.passwordRequired') });
  return errors;
}

/** Sign in once, online; after that the device works offline with the user's teams. */
export function LoginScreen({ onSignIn, onChooseLocalData, justSignedOut = false }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [question, setQuestion] = useState<Extract<SignInOutcome, { state: 'chooseLocalData' }> | null>(null);
  // The name of the person whose data is on this device, when signing in over it was refused.
  const [otherPerson, setOtherPerson] = useState<string | null>(null);
  const checked = useCheckedSubmit({
    values: { email, password },
    errors: () => signInErrors(email, password),
    save: async () => {
      setOtherPerson(null);
      const outcome = await onSignIn(email.trim(), password);
      if (outcome.state === 'chooseLocalData') setQuestion(outcome);
      else if (outcome.state === 'otherPerson') setOtherPerson(outcome.name);
      else navigate('/', { replace: true });
    },
  });
  if (question) {
    const choose = async (answer: LocalDataAnswer) => {
      await onChooseLocalData(answer);
      navigate('/', { replace: true });
    };
    return <LocalDataChoice summary={question.summary} teams={question.teams} onChoose={choose} />;
  }
  return (
    <form onSubmit={checked.submit} noValidate>
      <h1>{t('login.title')}</h1>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} />
      {justSignedOut && <Notice kind="success">{t('account.signedOut')}</Notice>}
      <p>{t('login.intro')}</p>
      <TextField label={t('login.email')} type="email" inputMode="email" autoComplete="username" value={email} onValue={setEmail} {...checked.at('email')} required />
      <TextField label={t('login.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} {...checked.at('password')} required />
      {otherPerson !== null && (
        <Notice kind="error">
          <strong>{t('login.otherPerson.title', { name: otherPerson })}</strong> {t('login.otherPerson.wayOut', { name: otherPerson })}
        </Notice>
      )}
      <div class="actions">
        {checked.failure !== null && <SubmitFailure message={signInErrorText(checked.failure)} attempt={checked.attempt} />}
        <Button variant="primary" type="submit" disabled={checked.busy}>
          {t('login.submit')}
        </Button>
      </div>
    </form>
  );
}

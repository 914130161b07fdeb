import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
import { useSubmit } from '../../ui/useSubmit';

interface Props {
  /** Signs in; rejects with an error whose `code` says why (see sync/api SyncErrorCode). */
  onSignIn: (email: string, password: string) => Promise<unknown>;
  /** The previous session just ended here, and its data was erased from the device. */
  justSignedOut?: boolean;
}

const KNOWN = ['invalidCredentials', 'offline', 'tooManyRequests', 'server', 'updateRequired'] as const;

/** Sign in once, online; after that the device works offline with the user's teams. */
export function LoginScreen({ onSignIn, justSignedOut = false }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await onSignIn(email.trim(), password);
    navigate('/', { replace: true });
  });
  const code = (error as { code?: string } | null)?.code;
  const message = error ? t(`login.error.${KNOWN.includes(code as (typeof KNOWN)[number]) ? (code as (typeof KNOWN)[number]) : 'server'}`) : null;
  return (
    <form onSubmit={submit} noValidate>
      <h1>{t('login.title')}</h1>
      {justSignedOut && <Notice kind="success">{t('account.signedOut')}</Notice>}
      <p>{t('login.intro')}</p>
      <TextField label={t('login.email')} type="email" autoComplete="username" value={email} onValue={setEmail} required />
      <TextField label={t('login.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} required />
      {message && <Notice kind="error">{message}</Notice>}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('login.submit')}
        </Button>
      </div>
    </form>
  );
}

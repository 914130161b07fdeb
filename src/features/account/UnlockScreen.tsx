import { useState } from 'preact/hooks';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useSubmit } from '../../ui/useSubmit';

interface Props {
  /** Opens the device's key with the password, offline; rejects with AppError 'wrongPassword'. */
  onUnlock: (password: string) => Promise<void>;
  /** The forgotten-password way: signing in online with a new password (the server recovers the key). */
  signInOnline: preact.ComponentChildren;
}

/**
 * What a signed-in device shows on a cold start and after a lock, instead of any client data: the password opens
 * it, also offline. A forgotten password is reset by an administrator; signing in online then opens it again.
 */
export function UnlockScreen({ onUnlock, signInOnline }: Props) {
  const [password, setPassword] = useState('');
  const [forgotten, setForgotten] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    await onUnlock(password);
    setPassword('');
  });
  if (forgotten) {
    return (
      <div>
        <Notice kind="info">{t('lock.forgottenHelp')}</Notice>
        {signInOnline}
        <div class="actions">
          <Button onClick={() => setForgotten(false)}>{t('lock.back')}</Button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <h1>{t('lock.title')}</h1>
      <p>{t('lock.intro')}</p>
      <TextField label={t('login.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} required />
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? t('lock.opening') : t('lock.submit')}
        </Button>
        <Button onClick={() => setForgotten(true)}>{t('lock.forgotten')}</Button>
      </div>
    </form>
  );
}

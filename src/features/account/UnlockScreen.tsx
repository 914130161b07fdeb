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
  /**
   * A screen lock with a PIN set: checks the PIN and says how many tries are left (0: the device is now fully
   * locked and this screen is replaced). Null: only the password opens it.
   */
  onPin: ((pin: string) => Promise<{ triesLeft: number }>) | null;
  /** This full lock came from too many wrong PINs: say so, so the password request is no surprise. */
  afterPinTries: boolean;
  /** The forgotten-password way: signing in online with a new password (the server recovers the key). */
  signInOnline: preact.ComponentChildren;
}

/**
 * What a signed-in device shows on a cold start and after a lock, instead of any client data. A screen lock
 * with a PIN asks for the PIN first; the password always opens it, also offline. A forgotten password is reset
 * by an administrator; signing in online then opens it again.
 */
export function UnlockScreen({ onUnlock, onPin, afterPinTries, signInOnline }: Props) {
  const [way, setWay] = useState<'pin' | 'password' | 'forgotten'>(onPin ? 'pin' : 'password');
  if (way === 'forgotten') {
    return (
      <div>
        <Notice kind="info">{t('lock.forgottenHelp')}</Notice>
        {signInOnline}
        <div class="actions">
          <Button onClick={() => setWay('password')}>{t('lock.back')}</Button>
        </div>
      </div>
    );
  }
  if (way === 'pin' && onPin) return <PinForm onPin={onPin} usePassword={() => setWay('password')} />;
  return <PasswordForm onUnlock={onUnlock} afterPinTries={afterPinTries} forgotten={() => setWay('forgotten')} />;
}

function PasswordForm({ onUnlock, afterPinTries, forgotten }: { onUnlock: Props['onUnlock']; afterPinTries: boolean; forgotten: () => void }) {
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await onUnlock(password);
    setPassword('');
  });
  return (
    <form onSubmit={submit} noValidate>
      <h1>{t('lock.title')}</h1>
      {afterPinTries && <Notice kind="warning">{t('lock.pinTriesUsed')}</Notice>}
      <p>{t('lock.intro')}</p>
      <TextField label={t('login.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} required />
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? t('lock.opening') : t('lock.submit')}
        </Button>
        <Button onClick={forgotten}>{t('lock.forgotten')}</Button>
      </div>
    </form>
  );
}

function PinForm({ onPin, usePassword }: { onPin: NonNullable<Props['onPin']>; usePassword: () => void }) {
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    // An empty PIN is a slip, not a guess: it costs no try.
    if (pin === '') return setProblem(t('lock.pinEmpty'));
    const answer = await onPin(pin);
    setPin('');
    if (answer.triesLeft > 0) setProblem(t('lock.wrongPin', { count: answer.triesLeft }));
  });
  return (
    <form onSubmit={submit} noValidate>
      <h1>{t('lock.title')}</h1>
      <p>{t('lock.pinIntro')}</p>
      <TextField label={t('lock.pin')} type="password" inputMode="numeric" autoComplete="off" value={pin} onValue={setPin} required />
      {problem !== null && <Notice kind="error">{problem}</Notice>}
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? t('lock.opening') : t('lock.submit')}
        </Button>
        <Button onClick={usePassword}>{t('lock.usePassword')}</Button>
      </div>
    </form>
  );
}

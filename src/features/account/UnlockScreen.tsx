import { useState } from 'preact/hooks';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { isAppError } from '../../model/appError';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';

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
  /** Typed into index.html's copy of this screen on a cold start, before the app was there (shell/staticUnlock). */
  typed?: string;
  /** "Wachtwoord vergeten?" was pressed on that copy. */
  startForgotten?: boolean;
}

/**
 * What a signed-in device shows on a cold start and after a lock, instead of any client data. A screen lock
 * with a PIN asks for the PIN first; the password always opens it, also offline. A forgotten password is reset
 * by an administrator; signing in online then opens it again.
 */
export function UnlockScreen({ onUnlock, onPin, afterPinTries, signInOnline, typed = '', startForgotten = false }: Props) {
  const [way, setWay] = useState<'pin' | 'password' | 'forgotten'>(startForgotten ? 'forgotten' : onPin ? 'pin' : 'password');
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
  return <PasswordForm onUnlock={onUnlock} afterPinTries={afterPinTries} forgotten={() => setWay('forgotten')} typed={typed} />;
}

function PasswordForm({ onUnlock, afterPinTries, forgotten, typed }: { onUnlock: Props['onUnlock']; afterPinTries: boolean; forgotten: () => void; typed: string }) {
  const [password, setPassword] = useState(typed);
  const checked = useCheckedSubmit({
    values: password,
    errors: () => (password === '' ? [{ path: 'password', message: t('login.problems.passwordRequired') }] : []),
    save: async () => {
      await onUnlock(password);
      setPassword('');
    },
    // A wrong password is about the field; anything else (a damaged key) is said at the button.
    fieldErrorsOf: (error) => (isAppError(error) && error.code === 'wrongPassword' ? [{ path: 'password', message: errorText(error) }] : null),
  });
  return (
    <form onSubmit={checked.submit} noValidate>
      {/* Element Timing: when the heading is painted, for the benchmark of a locked cold start. */}
      <h1 {...{ elementtiming: 'unlock-screen-app' }}>{t('lock.title')}</h1>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} />
      {afterPinTries && <Notice kind="warning">{t('lock.pinTriesUsed')}</Notice>}
      <p>{t('lock.intro')}</p>
      <TextField label={t('login.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} {...checked.at('password')} required />
      <div class="actions">
        {checked.failure !== null && <SubmitFailure message={errorText(checked.failure)} attempt={checked.attempt} />}
        <Button variant="primary" type="submit" disabled={checked.busy}>
          {checked.busy ? t('lock.opening') : t('lock.submit')}
        </Button>
        <Button onClick={forgotten}>{t('lock.forgotten')}</Button>
      </div>
    </form>
  );
}

/** A wrong PIN is an answer, not a failure: it goes to the field, with the tries left. */
class WrongPin extends Error {
  constructor(readonly triesLeft: number) {
    super('wrongPin');
  }
}

function PinForm({ onPin, usePassword }: { onPin: NonNullable<Props['onPin']>; usePassword: () => void }) {
  const [pin, setPin] = useState('');
  const checked = useCheckedSubmit({
    values: pin,
    // An empty PIN is a slip, not a guess: it costs no try.
    errors: () => (pin === '' ? [{ path: 'pin', message: t('lock.pinEmpty') }] : []),
    save: async () => {
      const answer = await onPin(pin);
      setPin('');
      if (answer.triesLeft > 0) throw new WrongPin(answer.triesLeft);
    },
    fieldErrorsOf: (error) => (error instanceof WrongPin ? [{ path: 'pin', message: t('lock.wrongPin', { count: error.triesLeft }) }] : null),
  });
  return (
    <form onSubmit={checked.submit} noValidate>
      <h1>{t('lock.title')}</h1>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} />
      <p>{t('lock.pinIntro')}</p>
      <TextField label={t('lock.pin')} type="password" inputMode="numeric" autoComplete="off" value={pin} onValue={setPin} {...checked.at('pin')} required />
      <div class="actions">
        {checked.failure !== null && <SubmitFailure message={errorText(checked.failure)} attempt={checked.attempt} />}
        <Button variant="primary" type="submit" disabled={checked.busy}>
          {checked.busy ? t('lock.opening') : t('lock.submit')}
        </Button>
        <Button onClick={usePassword}>{t('lock.usePassword')}</Button>
      </div>
    </form>
  );
}

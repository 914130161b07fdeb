import { useState } from 'preact/hooks';
import { unlockedKey } from '../../db/keyring';
import { hasScreenPin, isValidPin, removeScreenPin, setScreenPin } from '../../db/screenPin';
import { errorText, saveFailureText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useLoaded } from '../../ui/useLoaded';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
import { useSubmit } from '../../ui/useSubmit';

/**
 * The PIN that opens a screen lock ("Vergrendelen", a short time without use) on this device. Only for a
 * signed-in, unlocked device: the PIN's check is stored sealed under the data key (db/screenPin.ts).
 */
export function PinSection() {
  const [version, setVersion] = useState(0);
  const isSet = useLoaded(() => hasScreenPin(), [version]);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);
  const save = useCheckedSubmit({
    values: { pin, again },
    errors: () => {
      if (!isValidPin(pin)) return [{ path: 'pin.new', message: t('pin.invalid') }];
      return pin === again ? [] : [{ path: 'pin.again', message: t('pin.different') }];
    },
    save: async () => {
      await setScreenPin(pin);
      setPin('');
      setAgain('');
      setDone('saved');
      setVersion((v) => v + 1);
    },
  });
  // Typing a new PIN starts a new round: the last one's "saved" or "removed" no longer applies.
  const typed = (set: (value: string) => void) => (value: string) => {
    setDone(null);
    set(value);
  };
  const remove = useSubmit(async () => {
    await removeScreenPin();
    setDone('removed');
    setVersion((v) => v + 1);
  });
  if (!unlockedKey()) return null;
  return (
    <section aria-labelledby="pin-title">
      <h2 id="pin-title">{t('pin.title')}</h2>
      <p>{t('pin.intro')}</p>
      {isSet.state === 'ready' && <p data-testid="pin-state">{isSet.value ? t('pin.isSet') : t('pin.notSet')}</p>}
      {done && <Notice kind="success">{t(done === 'saved' ? 'pin.saved' : 'pin.removed')}</Notice>}
      <form onSubmit={save.submit} noValidate>
        <ErrorSummary title={t('formCheck.errorTitle')} items={save.errors} attempt={save.attempt} level={3} />
        <TextField label={t('pin.new')} hint={t('pin.hint')} type="password" inputMode="numeric" autoComplete="new-password" value={pin} onValue={typed(setPin)} {...save.at('pin.new')} required />
        <TextField label={t('pin.again')} type="password" inputMode="numeric" autoComplete="new-password" value={again} onValue={typed(setAgain)} {...save.at('pin.again')} required />
        {remove.error !== null && <Notice kind="error">{errorText(remove.error)}</Notice>}
        <div class="actions">
          {save.failure !== null && <SubmitFailure message={saveFailureText(save.failure)} attempt={save.attempt} />}
          <Button variant="primary" type="submit" disabled={save.busy}>
            {t('pin.save')}
          </Button>
          {isSet.state === 'ready' && isSet.value && (
            <Button onClick={(e: Event) => void remove.submit(e)} disabled={remove.busy}>
              {t('pin.remove')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}

import { useState } from 'preact/hooks';
import { unlockedKey } from '../../db/keyring';
import { hasScreenPin, isValidPin, removeScreenPin, setScreenPin } from '../../db/screenPin';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useLoaded } from '../../ui/useLoaded';
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
  const [problems, setProblems] = useState<{ pin?: string; again?: string }>({});
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);
  const save = useSubmit(async () => {
    setDone(null);
    const found = { ...(isValidPin(pin) ? {} : { pin: t('pin.invalid') }), ...(isValidPin(pin) && pin !== again ? { again: t('pin.different') } : {}) };
    setProblems(found);
    if (found.pin || found.again) return;
    await setScreenPin(pin);
    setPin('');
    setAgain('');
    setDone('saved');
    setVersion((v) => v + 1);
  });
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
        <TextField label={t('pin.new')} hint={t('pin.hint')} type="password" inputMode="numeric" autoComplete="new-password" value={pin} onValue={setPin} error={problems.pin} required />
        <TextField label={t('pin.again')} type="password" inputMode="numeric" autoComplete="new-password" value={again} onValue={setAgain} error={problems.again} required />
        {[save.error, remove.error].map((error, i) => error !== null && <Notice key={i} kind="error">{errorText(error)}</Notice>)}
        <div class="actions">
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

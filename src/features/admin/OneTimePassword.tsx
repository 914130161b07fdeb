import { useId, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';

/**
 * A one-time password, shown this once in a marked box with a copy button and how to hand it over. It lives
 * in this component only: leaving the screen forgets it.
 */
export function OneTimePassword({ name, password }: { name: string; password: string }) {
  const id = useId();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyIt = () =>
    void (navigator.clipboard?.writeText(password) ?? Promise.reject(new Error('no clipboard'))).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  return (
    <section class="otp" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.otp.title', { name })}</h2>
      <p>{t('admin.otp.intro')}</p>
      <dl class="kv otp-line">
        <dt>{t('admin.otp.label')}</dt>
        <dd>
          <code class="otp-value" data-testid="one-time-password">
            {password}
          </code>
        </dd>
      </dl>
      <div class="actions">
        <Button variant="primary" onClick={copyIt}>
          {t('admin.otp.copy')}
        </Button>
      </div>
      <p role="status">{copy === 'copied' ? t('admin.otp.copied') : copy === 'failed' ? t('admin.otp.copyFailed') : ''}</p>
    </section>
  );
}

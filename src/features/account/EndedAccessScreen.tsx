import { t } from '../../i18n/i18n';
import { formatDateTime } from '../../i18n/format';
import type { EndedAccess } from '../../sync/status';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';

/**
 * After the organisation disabled this person or revoked this device: the data is already erased; what had not
 * been sent is shown once, from memory, so it can be passed on by hand. A reload forgets it.
 */
export function EndedAccessScreen({ ended }: { ended: EndedAccess }) {
  return (
    <section aria-labelledby="ended-title">
      <h1 id="ended-title">{t(`ended.title.${ended.reason}`)}</h1>
      <Notice kind="warning">{t(`ended.erased.${ended.reason}`)}</Notice>
      {ended.unsent.length === 0 ? (
        <p>{t('ended.nothingUnsent')}</p>
      ) : (
        <>
          <h2>{t('ended.unsentTitle', { count: ended.unsent.length })}</h2>
          <p>{t('ended.unsentIntro')}</p>
          <ul class="list" data-testid="ended-unsent">
            {ended.unsent.map((item, i) => (
              <li key={i} class="timeline-item">
                <div class="list-meta">{formatDateTime(item.at)}</div>
                <p class="prewrap">{item.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="actions">
        <Link class="btn btn-secondary" href="/aanmelden">
          {t('status.signIn')}
        </Link>
      </div>
    </section>
  );
}

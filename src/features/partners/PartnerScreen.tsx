import { watch } from '../../db/live';
import { getPartner } from '../../db/partners';
import { errorText } from '../../i18n/errorText';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { mapHref, telHref, type Partner } from '../../model/partner';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';
import { useLoaded } from '../../ui/useLoaded';
import { MadeBy } from '../../ui/MadeBy';
import { madeBy } from '../../db/madeBy';
import { madeByText } from '../../i18n/madeByText';

/** One partner: tap to call, mail, open the website or the map; contact persons with their own numbers. */
export function PartnerScreen({ partnerId }: { partnerId: string }) {
  const partner = useWatched<Partner | undefined>((next, fail) => watch(() => getPartner(partnerId), next, fail), [partnerId]);
  if (partner.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (partner.state === 'failed') return <Notice kind="error">{errorText(partner.error)}</Notice>;
  const p = partner.value;
  if (!p) return <Notice kind="warning">{t('partners.notFound')}</Notice>;
  const b = p.body;
  const address = [b.street, `${b.postalCode} ${b.city}`.trim()].filter(Boolean).join(', ');

  return (
    <>
      <p class="no-print">
        <Link href="/partners">{t('partners.back')}</Link>
      </p>
      <h1>{b.name}</h1>
      <p>
        {p.themes.map((th) => (
          <span class="tag" key={th}>
            {t(`themes.${th}` as 'themes.wonen')}
          </span>
        ))}
      </p>
      <div class="contact-actions">
        {b.phone && (
          <a class="btn btn-primary" href={telHref(b.phone)}>
            {t('partners.call', { phone: b.phone })}
          </a>
        )}
        {b.email && (
          <a class="btn btn-secondary" href={`mailto:${b.email}`}>
            {t('partners.mail')}
          </a>
        )}
        {b.website && (
          <a class="btn btn-secondary" href={b.website} target="_blank" rel="noopener noreferrer">
            {t('partners.website')}
          </a>
        )}
        {address && (
          <a class="btn btn-secondary" href={mapHref(b)} target="_blank" rel="noopener noreferrer">
            {t('partners.map')}
          </a>
        )}
      </div>
      <dl class="kv">
        {address && (
          <>
            <dt>{t('partnerForm.address')}</dt>
            <dd>{address}</dd>
          </>
        )}
        {b.email && (
          <>
            <dt>{t('partnerForm.email')}</dt>
            <dd>{b.email}</dd>
          </>
        )}
        <dt>{t('partnerForm.openingHours')}</dt>
        <dd>{b.openingHours || t('partners.noHours')}</dd>
        {b.notes && (
          <>
            <dt>{t('partnerForm.notes')}</dt>
            <dd>{b.notes}</dd>
          </>
        )}
      </dl>
      <h2>{t('partners.contacts')}</h2>
      {b.contacts.length === 0 ? (
        <p class="empty">{t('partners.noContacts')}</p>
      ) : (
        <ul class="list">
          {b.contacts.map((c) => (
            <li key={c.id} class="followup">
              <div>
                <strong>{c.name}</strong>
                {c.role && <div class="list-meta">{c.role}</div>}
              </div>
              <div class="contact-actions">
                {c.phone && (
                  <a class="btn btn-secondary" href={telHref(c.phone)}>
                    {t('partners.callPerson', { name: c.name, phone: c.phone })}
                  </a>
                )}
                {c.email && (
                  <a class="btn btn-secondary" href={`mailto:${c.email}`}>
                    {t('partners.mailPerson', { name: c.name })}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p class="list-meta">{t('common.updatedAt', { when: formatDateTime(p.updatedAt) })}</p>
      <Authorship fields={p.fields} version={p.version} />
      <div class="actions no-print">
        <Link class="btn btn-secondary" href={`/partners/${p.id}/bewerken`}>
          {t('partners.edit')}
        </Link>
      </div>
    </>
  );
}


/** Field knowledge is open to everyone of the organisation: who added it and who changed it last is shown. */
function Authorship({ fields, version }: { fields: Parameters<typeof madeBy>[0]; version: number }) {
  const made = useLoaded(() => madeBy(fields), [version]);
  return made.state === 'ready' && made.value ? <MadeBy {...madeByText(made.value)} /> : null;
}

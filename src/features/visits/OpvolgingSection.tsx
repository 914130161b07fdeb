import { useState } from 'preact/hooks';
import { watch } from '../../db/live';
import { listPartners } from '../../db/partners';
import { t } from '../../i18n/i18n';
import type { Partner } from '../../model/partner';
import type { VisitNoteBody } from '../../model/visitNote';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { useWatched } from '../../ui/useWatched';
import type { SectionProps } from './sectionProps';

type Opvolging = VisitNoteBody['opvolging'];

/** Next contact, referrals to partners from the sociale kaart (kept on the case), documents still to get. */
export function OpvolgingSection({ value, onChange, at }: SectionProps<Opvolging>) {
  const [partnerQuery, setPartnerQuery] = useState('');
  const partners = useWatched<Partner[]>((next, fail) => watch(() => listPartners(partnerQuery), next, fail), [partnerQuery]);
  const chosen = new Set(value.referrals.map((r) => r.partnerId));
  const refer = (p: Partner) =>
    onChange({ ...value, referrals: [...value.referrals, { partnerId: p.id, partnerName: p.body.name, reason: '' }] });
  const setReason = (i: number, reason: string) =>
    onChange({ ...value, referrals: value.referrals.map((r, j) => (j === i ? { ...r, reason } : r)) });

  return (
    <fieldset>
      <legend>{t('visit.opvolging.legend')}</legend>
      <div class="field-row">
        <TextField label={t('visit.opvolging.nextDate')} type="date" value={value.nextContactDate} onValue={(nextContactDate) => onChange({ ...value, nextContactDate })} {...at('opvolging.nextContactDate')} />
        <SelectField
          label={t('visit.opvolging.nextType')}
          value={value.nextContactType}
          onValue={(v) => onChange({ ...value, nextContactType: v as Opvolging['nextContactType'] })}
          options={[
            { value: '', label: t('common.choose') },
            { value: 'homeVisit', label: t('visit.opvolging.typeHomeVisit') },
            { value: 'office', label: t('visit.opvolging.typeOffice') },
            { value: 'phone', label: t('visit.opvolging.typePhone') },
          ]}
        />
      </div>
      <h3>{t('visit.opvolging.referrals')}</h3>
      {value.referrals.length === 0 && <p class="empty">{t('visit.opvolging.noReferrals')}</p>}
      {value.referrals.map((r, i) => (
        <div class="afspraak" key={r.partnerId}>
          <p>
            <strong>{r.partnerName}</strong>
          </p>
          <TextArea label={t('visit.opvolging.referralReason', { partner: r.partnerName })} rows={2} value={r.reason} onValue={(reason) => setReason(i, reason)} {...at(`opvolging.referrals.${i}.reason`)} />
          <Button variant="quiet" onClick={() => onChange({ ...value, referrals: value.referrals.filter((_, j) => j !== i) })}>
            {t('visit.opvolging.removeReferral', { partner: r.partnerName })}
          </Button>
        </div>
      ))}
      <TextField label={t('visit.opvolging.findPartner')} type="search" value={partnerQuery} onValue={setPartnerQuery} />
      {partners.state === 'ready' && partnerQuery.trim() !== '' && (
        <ul class="list" aria-label={t('visit.opvolging.partnerResults')}>
          {partners.value.slice(0, 8).map((p) => (
            <li key={p.id} class="followup">
              <span>
                {p.body.name}
                <span class="list-meta"> · {p.body.city}</span>
              </span>
              <Button disabled={chosen.has(p.id)} onClick={() => refer(p)}>
                {chosen.has(p.id) ? t('visit.opvolging.referred') : t('visit.opvolging.refer', { partner: p.body.name })}
              </Button>
            </li>
          ))}
          {partners.value.length === 0 && <li class="empty">{t('visit.opvolging.noPartnerMatch')}</li>}
        </ul>
      )}
      <TextArea label={t('visit.opvolging.documents')} hint={t('visit.opvolging.documentsHint')} rows={2} value={value.documents} onValue={(documents) => onChange({ ...value, documents })} {...at('opvolging.documents')} />
    </fieldset>
  );
}

import { useState } from 'preact/hooks';
import { listConflicts, type ConflictItem } from '../../db/conflicts';
import { resolveConflict } from '../../db/resolveConflict';
import { watch } from '../../db/live';
import { colleagueNames } from '../../db/meta';
import { errorText } from '../../i18n/errorText';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { initials } from '../../model/initials';
import { isEcoPerson, isPlacement, type Answer, type EcoPerson, type GridPlacement } from '../../model/instrumentRun';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { ClientName } from '../../ui/ClientName';
import { useDiscreet } from '../../ui/discreet';
import { useWatched } from '../../ui/useWatched';

const FORM_KEYS = { cases: 'caseForm', partners: 'partnerForm', examples: 'exampleForm', instrumentRuns: 'instruments.items' } as const;

function fieldLabel(item: ConflictItem): string {
  const key = item.conflict.field.replace(/^body\./, '');
  // An instrument's entries (`p:<partner>`, `r:<person>`) are labelled by their kind: "a partner's place" …
  const entry = /^([a-z]+):/.exec(key);
  if (item.collection === 'instrumentRuns' && entry) return t(`instruments.entryKinds.${entry[1]}` as 'instruments.entryKinds.p', { defaultValue: key });
  if (item.collection === 'instrumentRuns' && key === 'title') return t('instruments.runTitle');
  return t(`${FORM_KEYS[item.collection]}.${key}` as 'partnerForm.name', { defaultValue: key });
}

function show(value: unknown): string {
  if (value === '' || value === null || value === undefined) return t('conflicts.emptyValue');
  // Instrument entries: a person of an ecogram by name, a partner's place in a grid in words.
  if (isEcoPerson(value as Answer)) return (value as EcoPerson).name;
  if (isPlacement(value as Answer)) {
    const p = value as GridPlacement;
    return t('instruments.placementText', { power: t(`instruments.levels.${p.power}`), interest: t(`instruments.levels.${p.interest}`) });
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Both values of every conflict, who set each and when, and one button per value to settle it. */
export function ConflictsScreen({ myUserId }: { myUserId: string }) {
  const items = useWatched<ConflictItem[]>((next, fail) => watch(listConflicts, next, fail), []);
  const [error, setError] = useState<unknown>(null);
  const discreet = useDiscreet();
  const names = useWatched<Map<string, string>>((next, fail) => watch(colleagueNames, next, fail), []);
  const by = (id: string) => {
    if (id === myUserId) return t('conflicts.byYou');
    const name = names.state === 'ready' ? names.value.get(id) : undefined;
    return name ? t('conflicts.byName', { name }) : t('conflicts.byColleague');
  };
  if (items.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (items.state === 'failed') return <Notice kind="error">{errorText(items.error)}</Notice>;
  return (
    <>
      <h1>{t('conflicts.title')}</h1>
      <p>{t('conflicts.intro')}</p>
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      {items.value.length === 0 && <Notice kind="success">{t('conflicts.none')}</Notice>}
      {items.value.map((item) => {
        const { kept, proposed } = item.conflict;
        const choose = (value: unknown) => void resolveConflict(item.collection, item.id, item.conflict.field, value).catch(setError);
        // A case is named by its client: by initials in the discreet mode, as everywhere else.
        const client = item.collection === 'cases';
        const named = client && discreet ? initials(item.title) : item.title;
        return (
          <section key={`${item.id}-${item.conflict.field}-${proposed.at}-${proposed.by}`} class="afspraak" aria-label={`${named}: ${fieldLabel(item)}`}>
            <h2>{client ? <ClientName name={item.title} short={initials(item.title)} /> : item.title}</h2>
            <p>{t('conflicts.field', { field: fieldLabel(item) })}</p>
            <dl class="kv">
              <dt>{t('conflicts.kept')}</dt>
              <dd>
                <strong>{show(kept.value)}</strong>
                <div class="list-meta">{t('conflicts.when', { by: by(kept.by), when: formatDateTime(kept.at) })}</div>
                <Button onClick={() => choose(kept.value)}>{t('conflicts.keepThis', { value: show(kept.value) })}</Button>
              </dd>
              <dt>{t('conflicts.proposed')}</dt>
              <dd>
                <strong>{show(proposed.value)}</strong>
                <div class="list-meta">{t('conflicts.when', { by: by(proposed.by), when: formatDateTime(proposed.at) })}</div>
                <Button onClick={() => choose(proposed.value)}>{t('conflicts.keepThis', { value: show(proposed.value) })}</Button>
              </dd>
            </dl>
          </section>
        );
      })}
    </>
  );
}

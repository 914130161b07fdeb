import { getExample } from '../../db/examples';
import { watch } from '../../db/live';
import { getPartners } from '../../db/partners';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { themeLabel } from '../../i18n/themeOptions';
import type { Example } from '../../model/example';
import type { Partner } from '../../model/partner';
import { Button } from '../../ui/Button';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';
import { useLoaded } from '../../ui/useLoaded';
import { MadeBy } from '../../ui/MadeBy';
import { madeBy } from '../../db/madeBy';
import { madeByText } from '../../i18n/madeByText';
import { ExampleCards } from './ExampleCards';

export function ExampleScreen({ exampleId }: { exampleId: string }) {
  const data = useWatched<{ example?: Example; partners: Partner[] }>(
    (next, fail) =>
      watch(
        async () => {
          const example = await getExample(exampleId);
          return { example, partners: example ? await getPartners(example.body.partnerIds) : [] };
        },
        next,
        fail,
      ),
    [exampleId],
  );
  if (data.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (data.state === 'failed') return <Notice kind="error">{errorText(data.error)}</Notice>;
  const { example, partners } = data.value;
  if (!example) return <Notice kind="warning">{t('examples.notFound')}</Notice>;
  const b = example.body;
  const sections: Array<[string, string]> = [
    [t('exampleForm.summary'), b.summary],
    [t('exampleForm.approach'), b.approach],
    [t('exampleForm.lessons'), b.lessons],
    [t('exampleForm.contact'), b.contact],
  ];
  return (
    <article>
      <p class="no-print">
        <Link href="/voorbeelden">{t('examples.back')}</Link>
      </p>
      <h1>{b.title}</h1>
      <p>
        {b.municipality && <strong>{b.municipality} </strong>}
        {example.themes.map((th) => (
          <span class="tag" key={th}>
            {themeLabel(th)}
          </span>
        ))}
      </p>
      {sections
        .filter(([, text]) => text.trim())
        .map(([title, text]) => (
          <section key={title}>
            <h2>{title}</h2>
            <p class="prewrap">{text}</p>
          </section>
        ))}
      <h2>{t('exampleForm.partners')}</h2>
      {partners.length === 0 ? (
        <p class="empty">{t('examples.noPartners')}</p>
      ) : (
        <ul>
          {partners.map((p) => (
            <li key={p.id}>
              <Link href={`/partners/${p.id}`}>{p.body.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <ExampleCards themes={example.themes} />
      <Authorship fields={example.fields} version={example.version} />
      <div class="actions no-print">
        <Link class="btn btn-secondary" href={`/voorbeelden/${example.id}/bewerken`}>
          {t('examples.edit')}
        </Link>
        <Button onClick={() => print()}>{t('common.print')}</Button>
      </div>
    </article>
  );
}


/** Field knowledge is open to everyone of the organisation: who added it and who changed it last is shown. */
function Authorship({ fields, version }: { fields: Parameters<typeof madeBy>[0]; version: number }) {
  const made = useLoaded(() => madeBy(fields), [version]);
  return made.state === 'ready' && made.value ? <MadeBy {...madeByText(made.value)} /> : null;
}

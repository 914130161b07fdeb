import { useEffect, useRef, useState } from 'preact/hooks';
import { listCaseload, type CaseloadItem } from '../../db/caseload';
import { takePreloadedCaseload } from './caseloadPreload';
import { watch } from '../../db/live';
import { errorText } from '../../i18n/errorText';
import { watchFirstLoad, type FirstLoad } from '../../sync/status';
import { t } from '../../i18n/i18n';
import { initials } from '../../model/initials';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/Field';
import { firstScreenShown, useAfterFirstScreen } from '../../ui/firstScreen';
import { useWatched } from '../../ui/useWatched';
import type { CaseloadFilter } from '../../model/caseOwner';
import { useTeamView } from './useTeamView';
import { useCaseNext } from './useCaseNext';

/**
 * The first screen: my open cases, what needs attention first (overdue, due today), then recently opened; each
 * says what is next (the next contact, what is open and overdue, the last visit), searchable by label.
 */
export function CaseloadScreen({ pickFor }: { pickFor?: 'visit' }) {
  const [query, setQuery] = useState('');
  const [firstLoad, setFirstLoad] = useState<FirstLoad>('unknown');
  const listDrawn = useRef(false);
  const marked = useRef(false);
  // Declared first, so it runs first of this screen's effects once the list is painted: the cold-start benchmark
  // measures up to this mark (the caseload drawn from IndexedDB), and the subscriptions below start after it.
  useEffect(() => {
    if (!listDrawn.current || marked.current) return;
    marked.current = true;
    performance.mark('caseload-rendered');
    firstScreenShown();
  });
  useEffect(() => watchFirstLoad(setFirstLoad), []);
  // On a cold start what is next per case follows the list (its reads, the opening of the follow-ups and the
  // first date formatter of a page, which loads ICU's calendar data, would hold back the whole list on a slow
  // tablet). Its line is there from the first frame, at its height, so nothing moves when it fills in.
  const datesShown = useAfterFirstScreen();
  const next = useCaseNext(datesShown);
  const caseload = useWatched<CaseloadItem[]>((next, fail) => watch(() => listCaseload(query), next, fail), [query], takePreloadedCaseload);
  listDrawn.current = caseload.state === 'ready';
  // Over several teams (a coordinator), each case says whose it is, and the list can be narrowed by team and worker.
  const teams = useTeamView(datesShown);
  const [filter, setFilter] = useState<CaseloadFilter>({ teamId: '', authorId: '' });
  const all = caseload.state === 'ready' ? caseload.value : [];
  const shown = teams ? teams.code.filtered(all, filter, teams.view) : all;

  const target = (id: string) => (pickFor === 'visit' ? `/dossiers/${id}/bezoek` : `/dossiers/${id}`);
  return (
    <>
      <h1>{pickFor === 'visit' ? t('caseload.pickTitle') : t('caseload.title')}</h1>
      {pickFor === 'visit' && <p>{t('caseload.pickIntro')}</p>}
      <div class="toolbar">
        <TextField label={t('caseload.search')} type="search" value={query} onValue={setQuery} />
        <div class="actions">
          <Link class="btn btn-primary" href="/dossiers/nieuw">
            {t('caseload.newCase')}
          </Link>
        </div>
      </div>
      {teams && <teams.code.CaseloadFilters view={teams.view} filter={filter} onFilter={setFilter} />}
      {caseload.state === 'failed' && <Notice kind="error">{errorText(caseload.error)}</Notice>}
      {caseload.state === 'ready' && (
        <>
          <p class="visually-hidden" role="status">
            {t('caseload.count', { count: shown.length })}
          </p>
          {shown.length === 0 ? (
            <p class="empty">{query ? t('caseload.noMatch') : teams && (filter.teamId || filter.authorId) ? teams.code.noFilterMatch() : firstLoad === 'done' ? t('caseload.empty') : t('caseload.fetching')}</p>
          ) : (
            <ul class="list" data-testid="caseload">
              {shown.map(({ caseFile, attention }) => (
                <li key={caseFile.id}>
                  <Link class="list-link" href={target(caseFile.id)}>
                    <span class="caseload-head">
                      {/* A name as ui/ClientName draws it, without its code: this list is the first screen. */}
                      <span class="list-title client-name" data-initials={initials(caseFile.body.label)}>
                        <span class="client-name-held">{caseFile.body.label}</span>
                      </span>
                      {attention !== 'later' && (
                        <span class={`badge ${attention === 'overdue' ? 'badge-overdue' : 'badge-today'}`}>{attention === 'overdue' ? t('followUps.overdueBadge') : t('caseNext.todayBadge')}</span>
                      )}
                    </span>
                    <span class="list-meta caseload-next" data-testid="case-next">
                      {teams && teams.code.ownerLine(caseFile, teams.view)}
                      {next ? next.code.factsLine(next.next.get(caseFile.id)) : '\u00a0'}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

import { useState } from 'preact/hooks';
import type { LocalDataSummary } from '../../db/localData';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useSubmit } from '../../ui/useSubmit';

export type LocalDataAnswer = { keep: false } | { keep: true; teamId: string };

interface Props {
  summary: LocalDataSummary;
  teams: Array<{ id: string; name: string }>;
  onChoose: (answer: LocalDataAnswer) => Promise<unknown>;
}

const COUNTED = ['cases', 'notes', 'followUps', 'partners', 'examples', 'instrumentRuns', 'drafts'] as const;

/**
 * Right after signing in on a device that already holds data (the demo, or work done before signing in): say what
 * is there, in numbers, and let the person erase it or keep it as their own in one of their teams. Nothing of it
 * reaches the organisation unasked.
 */
export function LocalDataChoice({ summary, teams, onChoose }: Props) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [answer, setAnswer] = useState<LocalDataAnswer | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    if (answer) await onChoose(answer);
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="local-data-title">
      <h1 id="local-data-title">{t('localData.title')}</h1>
      <p>{t('localData.intro')}</p>
      <ul data-testid="local-data-counts">
        {COUNTED.filter((key) => summary[key] > 0).map((key) => (
          <li key={key}>{t(`localData.count.${key}`, { count: summary[key] })}</li>
        ))}
      </ul>
      <p>{t('localData.question')}</p>
      {error !== null && <Notice kind="error">{t('localData.failed')}</Notice>}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy} onClick={() => setAnswer({ keep: false })}>
          {t('localData.erase')}
        </Button>
      </div>
      <p class="hint">{t('localData.eraseHint')}</p>
      {teams.length > 0 ? (
        <>
          {teams.length > 1 && <SelectField label={t('localData.team')} value={teamId} onValue={setTeamId} options={teams.map((team) => ({ value: team.id, label: team.name }))} />}
          <div class="actions">
            <Button type="submit" disabled={busy} onClick={() => setAnswer({ keep: true, teamId })}>
              {teams.length > 1 ? t('localData.keep') : t('localData.keepIn', { team: teams[0]!.name })}
            </Button>
          </div>
          <p class="hint">{t('localData.keepHint')}</p>
        </>
      ) : (
        <p class="hint">{t('localData.noTeam')}</p>
      )}
    </form>
  );
}

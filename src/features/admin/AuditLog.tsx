import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { Reachability } from '../../sync/status';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { adminErrorText } from './adminErrorText';
import type { AdminPort, AuditFilter } from './adminPort';
import { auditActionText } from './auditText';
import { downloadCsv } from './downloadCsv';
import { useAdminAction } from './useAdminAction';
import { useAdminLoad } from './useAdminLoad';

/** On screen, the newest entries; the CSV file has every entry the server returns. */
const SHOWN = 100;

interface Props {
  admin: AdminPort;
  filter: AuditFilter;
  reach: Reachability;
  online: boolean;
  /** Names for the ids an entry is about (people, teams), where the screen knows them. */
  names: Map<string, string>;
  fileName: string;
}

/** A log of who did what, newest first, in words, with the whole log as a CSV download. */
export function AuditLog({ admin, filter, reach, online, names, fileName }: Props) {
  const { result } = useAdminLoad(() => admin.audit(filter), reach);
  const download = useAdminAction();
  const save = () =>
    void download.run(async () => {
      downloadCsv(await admin.auditCsv(filter), fileName);
      return t('admin.audit.downloaded');
    });
  if (result.state === 'loading') return <p class="list-meta">{t('common.loading')}</p>;
  if (result.state === 'failed') return <Notice kind="error">{adminErrorText(result.error)}</Notice>;
  const entries = result.value;
  if (entries.length === 0) return <p class="empty">{t('admin.audit.empty')}</p>;
  return (
    <>
      <p class="list-meta">{entries.length > SHOWN ? t('admin.audit.shown', { shown: SHOWN, count: entries.length }) : t('admin.audit.count', { count: entries.length })}</p>
      <div class="actions">
        <Button onClick={save} disabled={!online || download.busy}>
          {t('admin.audit.download')}
        </Button>
      </div>
      {download.error !== null && <Notice kind="error">{adminErrorText(download.error)}</Notice>}
      {download.done && <Notice kind="success">{download.done}</Notice>}
      <ul class="list audit" data-testid="audit">
        {entries.slice(0, SHOWN).map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            <p>
              <strong>{auditActionText(entry.action)}</strong>
              {` · ${formatDateTime(entry.at)} · ${t('admin.audit.by', { name: entry.userName ?? t('admin.audit.unknownUser') })}`}
            </p>
            <p class="list-meta">
              {[
                entry.target ? t('admin.audit.about', { target: names.get(entry.target) ?? entry.target }) : '',
                entry.clientId ? t('admin.audit.device', { id: entry.clientId.slice(0, 8) }) : '',
                entry.rowCount !== null ? t('admin.audit.rows', { count: entry.rowCount }) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

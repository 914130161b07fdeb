import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { AdminPage } from './AdminPage';
import { AuditLog } from './AuditLog';
import { caseIdFrom } from './auditText';
import type { AdminPort } from './adminPort';

/** The log of one dossier: who received its rows on which device, and who changed what. */
export function AuditScreen({ admin }: { admin: AdminPort }) {
  const [input, setInput] = useState('');
  const [caseId, setCaseId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const show = (e: Event) => {
    e.preventDefault();
    const id = caseIdFrom(input);
    setProblem(id ? null : t('admin.audit.caseRequired'));
    setCaseId(id);
  };
  return (
    <AdminPage admin={admin} title={t('admin.audit.title')} back>
      {({ reach, online }) => (
        <>
          <p>{t('admin.audit.intro')}</p>
          <form onSubmit={show} noValidate>
            <ErrorSummary title={t('formCheck.errorTitle')} items={problem ? [{ path: 'caseId', message: problem }] : []} />
            <TextField label={t('admin.audit.caseField')} hint={t('admin.audit.caseHint')} value={input} onValue={setInput} path="caseId" error={problem ?? undefined} required />
            <div class="actions">
              <Button variant="primary" type="submit" disabled={!online}>
                {t('admin.audit.show')}
              </Button>
            </div>
          </form>
          {caseId && (
            <section aria-labelledby="case-audit">
              <h2 id="case-audit">{t('admin.audit.caseTitle')}</h2>
              <AuditLog key={caseId} admin={admin} filter={{ caseId }} reach={reach} online={online} names={new Map()} fileName={`veldwerk-logboek-dossier-${new Date().toISOString().slice(0, 10)}.csv`} />
            </section>
          )}
        </>
      )}
    </AdminPage>
  );
}

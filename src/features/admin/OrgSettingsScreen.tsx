import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { ORG_SETTINGS_BOUNDS, type OrgSettings } from '../../model/admin';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useFormValues } from '../../ui/useFormValues';
import { useSubmit } from '../../ui/useSubmit';
import { AdminPage, type AdminView } from './AdminPage';
import { adminErrorText, noticeFailure } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { readSettings, settingsInput, SETTINGS_KEYS, type SettingsInput, type SettingsKey } from './adminProblems';
import { useAdminLoad } from './useAdminLoad';

/** The organisation's lock times and note retention, each within its bounds and explained in one line. */
export function OrgSettingsScreen({ admin }: { admin: AdminPort }) {
  return (
    <AdminPage admin={admin} title={t('admin.settings.title')} back>
      {(view) => <SettingsLoader admin={admin} view={view} />}
    </AdminPage>
  );
}

function SettingsLoader({ admin, view }: { admin: AdminPort; view: AdminView }) {
  const { result } = useAdminLoad(() => admin.getSettings(), view.reach);
  if (result.state === 'loading') return <p class="list-meta">{t('common.loading')}</p>;
  if (result.state === 'failed') return <Notice kind="error">{adminErrorText(result.error)}</Notice>;
  return <SettingsForm admin={admin} stored={result.value} online={view.online} />;
}

function SettingsForm({ admin, stored, online }: { admin: AdminPort; stored: OrgSettings; online: boolean }) {
  const form = useFormValues<SettingsInput>(settingsInput(stored));
  const [outOfBounds, setOutOfBounds] = useState<SettingsKey[]>([]);
  const [saved, setSaved] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    setSaved(false);
    const read = readSettings(form.values);
    setOutOfBounds('outOfBounds' in read ? read.outOfBounds : []);
    if ('outOfBounds' in read) return;
    try {
      await admin.saveSettings(read.settings);
      form.saved();
      setSaved(true);
    } catch (e) {
      noticeFailure(e);
      throw e;
    }
  });
  const problem = (key: SettingsKey) => (outOfBounds.includes(key) ? `${t(`admin.settings.${key}`)}: ${t('admin.problems.number', ORG_SETTINGS_BOUNDS[key])}` : undefined);
  const fieldProblem = (key: SettingsKey) => (outOfBounds.includes(key) ? t('admin.problems.number', ORG_SETTINGS_BOUNDS[key]) : undefined);
  const summary = [
    ...SETTINGS_KEYS.flatMap((key) => (outOfBounds.includes(key) ? [{ path: key, message: problem(key) ?? '' }] : [])),
    ...(error ? [{ message: adminErrorText(error) }] : []),
  ];
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('admin.settings.intro')}</p>
      <ErrorSummary title={t('formCheck.errorTitle')} items={summary} />
      {saved && <Notice kind="success">{t('admin.settings.saved')}</Notice>}
      {SETTINGS_KEYS.map((key) => (
        <TextField
          key={key}
          label={t(`admin.settings.${key}`)}
          hint={t(`admin.settings.${key}Hint`, ORG_SETTINGS_BOUNDS[key])}
          inputMode="numeric"
          value={form.values[key]}
          onValue={(value) => form.setValues({ ...form.values, [key]: value })}
          path={key}
          error={fieldProblem(key)}
          required
        />
      ))}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy || !online}>
          {t('admin.settings.save')}
        </Button>
      </div>
    </form>
  );
}

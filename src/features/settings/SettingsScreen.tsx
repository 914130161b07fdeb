import type { SignOutResult } from './AccountSection';
import { useState } from 'preact/hooks';
import { formatBytes } from '../../i18n/format';
import { currentLanguage, isLanguage, LANGUAGES, setLanguage, t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { CheckboxField, SelectField } from '../../ui/Field';
import { setDiscreet, useDiscreet } from '../../ui/discreet';
import { Notice } from '../../ui/Notice';
import { AccountSection } from './AccountSection';
import { NeedsAttention } from './NeedsAttention';
import { PinSection } from './PinSection';

export interface StorageInfo {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

interface Props {
  storage: StorageInfo | null;
  onAskPersistence: () => void;
  appVersion: string;
  account: { user: string | null; signOut: () => Promise<SignOutResult> };
}

/** Language, what this device stores and whether the browser may clear it, and the app version. */
export function SettingsScreen({ storage, onAskPersistence, appVersion, account }: Props) {
  const [lang, setLang] = useState(currentLanguage());
  const choose = (value: string) => {
    if (!isLanguage(value)) return;
    setLang(value);
    void setLanguage(value);
  };
  const persisted = storage?.persisted;
  const discreet = useDiscreet();
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <SelectField
        label={t('settings.language')}
        value={lang}
        onValue={choose}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`settings.languages.${l}`) }))}
      />
      <h2>{t('settings.discreet.title')}</h2>
      <p>{t('settings.discreet.intro')}</p>
      <CheckboxField label={t('settings.discreet.label')} checked={discreet} onChecked={setDiscreet} />
      <AccountSection {...account} />
      {account.user && <PinSection />}
      <NeedsAttention />
      <h2>{t('settings.storage')}</h2>
      {storage === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <p>
            {storage.usage !== null && storage.quota !== null
              ? t('settings.usage', { used: formatBytes(storage.usage), quota: formatBytes(storage.quota) })
              : t('settings.usageUnknown')}
          </p>
          {persisted === true && <Notice kind="success">{t('settings.persisted')}</Notice>}
          {persisted === false && (
            <Notice kind="warning">
              <p>{t('settings.notPersisted')}</p>
              <Button onClick={onAskPersistence}>{t('settings.askPersistence')}</Button>
            </Notice>
          )}
          {persisted === null && <Notice kind="info">{t('settings.persistenceUnknown')}</Notice>}
        </>
      )}
      <h2>{t('settings.about')}</h2>
      <p>{t('settings.version', { version: appVersion })}</p>
      <p>{t('settings.demoNotice')}</p>
    </>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { clientId } from '../../db/syncStore';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { Device } from '../../model/admin';
import { Notice } from '../../ui/Notice';
import type { AdminView } from './AdminPage';
import { adminErrorText } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { ConfirmAction } from './ConfirmAction';
import { useAdminAction } from './useAdminAction';
import { useAdminLoad } from './useAdminLoad';

/** The devices a person synced with: when last seen (Brussels time), which app version, and revoked or not. */
export function DevicesSection({ admin, personId, view }: { admin: AdminPort; personId: string; view: AdminView }) {
  const { result, reload } = useAdminLoad(() => admin.listDevices(personId), view.reach);
  const action = useAdminAction();
  // This install's own id, so the admin sees which listed device they are holding before revoking it.
  const [mine, setMine] = useState<string | null>(null);
  useEffect(() => {
    void clientId().then(setMine, () => setMine(null));
  }, []);
  const revoke = (device: Device) =>
    void action.run(async () => {
      await admin.revokeDevice(device.clientId);
      reload();
      return t('admin.devices.revokedDone');
    });
  return (
    <section aria-labelledby="devices-title">
      <h3 id="devices-title">{t('admin.devices.title')}</h3>
      <p class="section-intro">{t('admin.devices.intro')}</p>
      {action.error !== null && <Notice kind="error">{adminErrorText(action.error)}</Notice>}
      {action.done && <Notice kind="success">{action.done}</Notice>}
      {result.state === 'loading' && <p class="list-meta">{t('common.loading')}</p>}
      {result.state === 'failed' && <Notice kind="error">{adminErrorText(result.error)}</Notice>}
      {result.state === 'ready' && result.value.length === 0 && <p class="empty">{t('admin.devices.empty')}</p>}
      {result.state === 'ready' && result.value.length > 0 && (
        <ul class="list" data-testid="devices">
          {[...result.value]
            .sort((a, b) => (a.lastSeenAt < b.lastSeenAt ? 1 : a.lastSeenAt > b.lastSeenAt ? -1 : 0))
            .map((device) => (
              <li key={device.clientId} class="device">
                <h4>{t('admin.devices.name', { id: device.clientId.slice(0, 8) })}</h4>
                {device.clientId === mine && <p>{t('admin.devices.thisDevice')}</p>}
                <p class="list-meta">{t('admin.devices.lastSeen', { when: formatDateTime(device.lastSeenAt) })}</p>
                <p class="list-meta">{t('admin.devices.firstSeen', { when: formatDateTime(device.firstSeenAt) })}</p>
                <p class="list-meta">{device.appVersion ? t('admin.devices.version', { version: device.appVersion }) : t('admin.devices.versionUnknown')}</p>
                {device.revokedAt ? (
                  <p>
                    <strong>{t('admin.devices.revoked', { when: formatDateTime(device.revokedAt) })}</strong>
                  </p>
                ) : (
                  <>
                    <p>{t('admin.devices.inUse')}</p>
                    <ConfirmAction
                      label={t('admin.devices.revoke')}
                      question={t('admin.devices.revokeConfirm')}
                      confirmLabel={t('admin.devices.revokeYes')}
                      danger
                      disabled={!view.online || action.busy}
                      onConfirm={() => revoke(device)}
                    />
                  </>
                )}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

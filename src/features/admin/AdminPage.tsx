import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { PersonRole } from '../../model/admin';
import type { Reachability } from '../../sync/status';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import type { AdminMe, AdminPort } from './adminPort';
import { useReachability } from './useReachability';

export interface AdminView {
  me: AdminMe;
  reach: Reachability;
  /** False while the server cannot be reached: every action is disabled then. */
  online: boolean;
}

interface Props {
  admin: AdminPort;
  title: string;
  /** Who may use this screen; the server checks again on every request. */
  roles?: PersonRole[];
  /** A link back to the admin overview, for the screens under it. */
  back?: boolean;
  children: (view: AdminView) => ComponentChildren;
}

/**
 * The frame of every admin screen: its title, that it works online only (and, in words, when the server
 * cannot be reached), and its content only for the roles it is for.
 */
export function AdminPage({ admin, title, roles = ['admin'], back = false, children }: Props) {
  const reach = useReachability();
  const [me, setMe] = useState<AdminMe | null | undefined>(undefined);
  useEffect(() => {
    void admin.me().then((m) => setMe(m ?? null), () => setMe(null));
  }, []);
  return (
    <>
      {back && (
        <p>
          <Link href="/beheer">{t('admin.back')}</Link>
        </p>
      )}
      <h1>{title}</h1>
      <p class="section-intro">{t('admin.onlineOnly')}</p>
      {reach === 'unreachable' && <Notice kind="warning">{t('admin.offline')}</Notice>}
      {me === undefined ? (
        <p class="list-meta">{t('common.loading')}</p>
      ) : me === null ? (
        <Notice kind="info">
          <p>{t('admin.signInFirst')}</p>
          <Link href="/aanmelden">{t('admin.signIn')}</Link>
        </Notice>
      ) : !roles.includes(me.role) ? (
        <Notice kind="info">
          <p>{roles.includes('admin') ? t('admin.notAdmin') : t('admin.notCoordinator')}</p>
          {me.role === 'coordinator' && <Link href="/mijn-teams">{t('admin.toMyTeams')}</Link>}
        </Notice>
      ) : (
        children({ me, reach, online: reach !== 'unreachable' })
      )}
    </>
  );
}

import type { ComponentType } from 'preact';
import type { AdminPort } from '../features/admin/adminPort';
import { lazyScreen, withTexts } from './lazyScreen';

// The admin API client and its schemas load with the first admin screen, never for the first screen.
const loadPort = () => import('./adminConnection').then((m) => m.adminPort());

/**
 * An admin screen, loaded on first use together with the admin API it is handed: features may not import the
 * sync layer, so the shell passes the API in (as it passes the sign-in to the login screen).
 */
export function adminScreen<P extends object>(load: () => Promise<ComponentType<P & { admin: AdminPort }>>) {
  // Their words (the 'admin' namespace) load with them too: they are no part of the first screen.
  return lazyScreen<P>(
    withTexts(['admin'], () =>
      Promise.all([load(), loadPort()]).then(([Screen, admin]) => {
        const WithAdmin = (props: P) => <Screen {...props} admin={admin} />;
        return WithAdmin;
      }),
    ),
  );
}

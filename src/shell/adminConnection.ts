import type { AdminPort } from '../features/admin/adminPort';
import { AdminApi } from '../sync/adminApi';
import { authedText, sessionUser } from '../sync/engine';

let port: AdminPort | null = null;

/** The admin API over this session's transport (token, refresh), with who is signed in on this device. */
export function adminPort(): AdminPort {
  port ??= Object.assign(new AdminApi(authedText), {
    me: async () => {
      const user = await sessionUser();
      return user && { id: user.id, role: user.role };
    },
  });
  return port;
}

import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';

/** What a sign-out attempt answered (see sync/engine signOut). */
type SignOutResult = 'signedOut' | 'changesWaiting' | 'needsAttention' | 'draftsWaiting';

interface Props {
  user: string | null;
  signOut: () => Promise<SignOutResult>;
}

/** Who is signed in; signing out is refused while changes or drafts wait, so a shared tablet never loses work. */
export type { SignOutResult };

export function AccountSection({ user, signOut }: Props) {
  const [result, setResult] = useState<SignOutResult | null>(null);
  return (
    <>
      <h2>{t('account.title')}</h2>
      {user ? <p>{t('account.signedInAs', { name: user })}</p> : <p>{t('account.notSignedIn')}</p>}
      {result === 'changesWaiting' && <Notice kind="warning">{t('account.signOutRefused')}</Notice>}
      {result === 'needsAttention' && (
        <Notice kind="warning">
          {t('attention.signOutFirst')} <a href="#attention-title">{t('attention.goThere')}</a>
        </Notice>
      )}
      {result === 'draftsWaiting' && <Notice kind="warning">{t('account.signOutDrafts')}</Notice>}
      {result === 'signedOut' && <Notice kind="success">{t('account.signedOut')}</Notice>}
      <div class="actions">
        {user ? (
          <Button onClick={() => void signOut().then(setResult)}>{t('account.signOut')}</Button>
        ) : (
          <Link class="btn btn-secondary" href="/aanmelden">
            {t('status.signIn')}
          </Link>
        )}
      </div>
    </>
  );
}

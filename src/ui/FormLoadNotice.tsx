import { Notice } from './Notice';
import type { FormLoad } from './useFormValues';

/** What an edit form shows instead of its fields while the stored record is not (or not yet) there. */
export function FormLoadNotice({ state, loading, missing, failed }: { state: Exclude<FormLoad, 'ready'>; loading: string; missing: string; failed: string }) {
  if (state === 'loading') return <p class="list-meta">{loading}</p>;
  return <Notice kind={state === 'missing' ? 'warning' : 'error'}>{state === 'missing' ? missing : failed}</Notice>;
}

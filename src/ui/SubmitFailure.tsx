import { Notice } from './Notice';

interface Props {
  /** What happened and what to do, in one or two sentences. */
  message: string;
  /** That the typed text is still there, said once (and only where it is true). */
  kept?: string;
  /** Counts the tries: a new failure is a new alert, so it is announced again even with the same words. */
  attempt: number;
}

/**
 * A save that failed for a reason outside the form (a full disk, a lock, another window): said once, beside the
 * save button where the eyes are, and announced. The fields are fine, so no field is marked and the focus stays.
 */
export function SubmitFailure({ message, kept, attempt }: Props) {
  return (
    <div class="submit-failure">
      <Notice key={attempt} kind="error">
        <p>{message}</p>
        {kept && <p>{kept}</p>}
      </Notice>
    </div>
  );
}

import { isAppError } from '../../../src/model/appError';

/** The AppError code a promise rejects with; 'resolved' or the error's name otherwise, so a test can fail visibly. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  const outcome = await promise.then(
    () => 'resolved' as const,
    (e: unknown) => e,
  );
  if (outcome === 'resolved') return outcome;
  return isAppError(outcome) ? outcome.code : outcome instanceof Error ? outcome.name : String(outcome);
}

/** A copy with one bit of one byte flipped. */
export function flipped(bytes: Uint8Array<ArrayBuffer>, index: number): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

import { createHash } from 'node:crypto';
import { newId } from '../../model/ids';
import type { Db } from '../store/database';

/**
 * How many wrong passwords the server takes, per account and per address, before it makes the next attempt
 * wait; the wait doubles with every further failure, up to a cap. Kept in the database (`login_attempts`), so
 * every instance counts the same attempts.
 */
export interface LoginLimits {
  /** Failures of one account (within `accountWindowMs`, since its last success) before it is locked. */
  accountFreeFailures: number;
  /** The lock after `accountFreeFailures`; it doubles with every further failure, up to `accountMaxLockMs`. */
  accountFirstLockMs: number;
  accountMaxLockMs: number;
  /** Failures older than this no longer count against the account (and are pruned). */
  accountWindowMs: number;
  /** Failures from one address across all accounts (within `addressWindowMs`) before the address is locked. */
  addressFreeFailures: number;
  addressFirstLockMs: number;
  addressMaxLockMs: number;
  addressWindowMs: number;
  /** An account that signed in from an address this recently is not held back by that address's lock. */
  knownAddressMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * After 5 wrong passwords an account waits 30 s, then 1, 2, 4, 8 min, then 15 min per further failure: a
 * guesser gets about a hundred tries a day, a person who mistypes loses half a minute. An address gets 50
 * failures an hour across accounts (an office of colleagues behind one public address mistypes too).
 */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  accountFreeFailures: 5,
  accountFirstLockMs: 30_000,
  accountMaxLockMs: 15 * MINUTE,
  accountWindowMs: DAY,
  addressFreeFailures: 50,
  addressFirstLockMs: 30_000,
  addressMaxLockMs: 15 * MINUTE,
  addressWindowMs: 60 * MINUTE,
  knownAddressMs: 30 * DAY,
};

/** Prune old rows at most this often per process: one indexed delete, not one per attempt. */
const PRUNE_EVERY_MS = MINUTE;

export type LoginCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number; why: 'account' | 'address' };

/**
 * The login limits of one server instance (the counts themselves are shared through the database).
 *
 * Per account: keyed by a hash of the e-mail address as typed, not by user id, so an unknown address is held
 * back exactly like a known one (a lock that only real accounts get would tell a guesser which exist). Locks
 * are per account across all addresses: a guesser who rotates addresses gains nothing.
 *
 * Per address: why it counts only failures, is high, and exempts accounts that recently signed in from that
 * address. An office's devices share one public address; if colleagues' typos (or a guesser at the same
 * address) could lock the address for everyone, one person would stop a whole team. The address lock exists
 * against password spraying (one password tried on many accounts from one place), which no per-account limit
 * sees. So: only failures count (right passwords never add up), the threshold is 50 an hour, and when it is
 * reached the address stays open for every account that signed in successfully from it in the last 30 days
 * (the office's own people) as long as that account is not locked itself. A new colleague's first sign-in
 * during such a lock waits, at most 15 minutes; a sprayer from elsewhere is held back, and a sprayer inside
 * the office still meets every account's own lock.
 *
 * An attempt is recorded as a failure before its password is checked and cleared when it turns out right:
 * parallel guesses (one argon2 check takes tens of milliseconds) then see each other's attempts instead of
 * all passing the check at once. Only the few milliseconds between check and insert remain racy.
 */
export class LoginLimiter {
  private lastPrune = 0;

  constructor(
    private readonly db: Db,
    private readonly limits: LoginLimits,
    private readonly now: () => number,
  ) {}

  /** Whether an attempt for this e-mail address from this address may be checked now. */
  async check(email: string, address: string): Promise<LoginCheck> {
    const at = this.now();
    const key = accountKey(email);
    const account = await this.failures('account_key', key, at - this.limits.accountWindowMs);
    const accountWait = waitMs(account, this.limits.accountFreeFailures, this.limits.accountFirstLockMs, this.limits.accountMaxLockMs, at);
    if (accountWait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(accountWait / 1000), why: 'account' };
    const place = await this.failures('address', address, at - this.limits.addressWindowMs);
    const addressWait = waitMs(place, this.limits.addressFreeFailures, this.limits.addressFirstLockMs, this.limits.addressMaxLockMs, at);
    if (addressWait > 0 && !(await this.signedInFrom(key, address, at))) return { allowed: false, retryAfterSeconds: Math.ceil(addressWait / 1000), why: 'address' };
    return { allowed: true };
  }

  /** Counted as a failure until `succeeded` says otherwise (see the class comment). Returns the attempt's id. */
  async begin(email: string, address: string): Promise<string> {
    const at = this.now();
    const id = newId(at);
    await this.db.insertInto('login_attempts').values({ id, account_key: accountKey(email), address, at: iso(at), succeeded: 0 }).execute();
    await this.pruneNowAndThen(at);
    return id;
  }

  /** The password was right: the account's failures are forgiven, and this address is now one of its own. */
  async succeeded(email: string, address: string): Promise<void> {
    const at = this.now();
    const key = accountKey(email);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('login_attempts').where('account_key', '=', key).where((eb) => eb.or([eb('succeeded', '=', 0), eb('address', '=', address)])).execute();
      await trx.insertInto('login_attempts').values({ id: newId(at), account_key: key, address, at: iso(at), succeeded: 1 }).execute();
    });
  }

  private async failures(column: 'account_key' | 'address', value: string, since: number): Promise<{ count: number; last: string | null }> {
    const row = await this.db
      .selectFrom('login_attempts')
      .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('at').as('last')])
      .where(column, '=', value)
      .where('succeeded', '=', 0)
      .where('at', '>', iso(since))
      .executeTakeFirst();
    return { count: Number(row?.count ?? 0), last: row?.last ?? null };
  }

  private async signedInFrom(key: string, address: string, at: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('login_attempts')
      .select('id')
      .where('account_key', '=', key)
      .where('address', '=', address)
      .where('succeeded', '=', 1)
      .where('at', '>', iso(at - this.limits.knownAddressMs))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Failures no window counts any more, and successes older than the known-address time, go. */
  private async pruneNowAndThen(at: number): Promise<void> {
    if (at - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = at;
    const failuresBefore = iso(at - Math.max(this.limits.accountWindowMs, this.limits.addressWindowMs));
    const successesBefore = iso(at - this.limits.knownAddressMs);
    await this.db
      .deleteFrom('login_attempts')
      .where((eb) => eb.or([eb.and([eb('succeeded', '=', 0), eb('at', '<', failuresBefore)]), eb.and([eb('succeeded', '=', 1), eb('at', '<', successesBefore)])]))
      .execute();
  }
}

/**
 * How long the next attempt must wait: nothing below `free` failures; at `free`, `first` after the last one,
 * doubling with each further failure, capped.
 */
export function lockMs(failures: number, free: number, first: number, max: number): number {
  if (failures < free) return 0;
  return Math.min(max, first * 2 ** Math.min(failures - free, 30));
}

/**
 * How long from `at` until the next attempt may be checked. Below the free failures nothing waits, also when the
 * last failure is stamped a moment after `at`: a parallel sign-in of the same person (another tab, another
 * instance) records its attempt while this one is being checked, and must not hold a right password back.
 */
export function waitMs(failures: { count: number; last: string | null }, free: number, first: number, max: number, at: number): number {
  const lock = lockMs(failures.count, free, first, max);
  if (failures.last === null || lock === 0) return 0;
  return Math.max(0, Date.parse(failures.last) + lock - at);
}

/** A hash, not the address itself: the table need not hold the e-mail addresses (or typos) people typed. */
export function accountKey(email: string): string {
  return createHash('sha256').update(`veldwerk-login:${email.trim().toLowerCase()}`).digest('hex');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}


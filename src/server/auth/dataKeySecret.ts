import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface DataKeySecret {
  secret: Buffer;
  /** Where it came from, for the start-up line (never the secret itself). */
  source: string;
}

const MIN_BYTES = 32;
const HOW = 'at least 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`';

function decode(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (bytes.length < MIN_BYTES) throw new Error(`${where} must hold ${HOW}.`);
  return bytes;
}

/**
 * The server's data key secret (see dataKeyVault.ts), from configuration: DATA_KEY_SECRET, or a file named by
 * DATA_KEY_SECRET_FILE (a container secret). Without either, an embedded SQLite server keeps it in a file beside
 * its database, made on the first start (readable by its owner only); PostgreSQL, where several instances must
 * share one secret, refuses to start without it.
 */
export function loadDataKeySecret(env: NodeJS.ProcessEnv, besideDatabase: string | null): DataKeySecret {
  if (env.DATA_KEY_SECRET) return { secret: decode(env.DATA_KEY_SECRET, 'DATA_KEY_SECRET'), source: 'DATA_KEY_SECRET' };
  if (env.DATA_KEY_SECRET_FILE) return { secret: decode(readFileSync(env.DATA_KEY_SECRET_FILE, 'utf8'), `The file ${env.DATA_KEY_SECRET_FILE} (DATA_KEY_SECRET_FILE)`), source: env.DATA_KEY_SECRET_FILE };
  if (!besideDatabase) throw new Error(`With PostgreSQL, set DATA_KEY_SECRET (the same on every instance) to ${HOW}. Keep it apart from the database's backups.`);
  if (!existsSync(besideDatabase)) writeFileSync(besideDatabase, `${randomBytes(MIN_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { secret: decode(readFileSync(besideDatabase, 'utf8'), `The file ${besideDatabase}`), source: besideDatabase };
}

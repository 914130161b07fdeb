import { beforeEach } from 'vitest';
import { importRawDataKey } from '../../src/crypto/dataKey';
import { adoptKey } from '../../src/db/keyring';

/**
 * The sealed pass (test/unit/sealed.vitest.config.ts): every database and sync test runs again as on a signed-in,
 * unlocked device, so every row, queued change and conflict it writes is sealed and every read opens it. A test
 * that looks at bodies reads through the app's functions (or test/unit/db/opened.ts), so the same assertions
 * hold in both passes. Tests of the key itself (keyring, drafts at rest, PIN) set up their own key after this.
 */
const key = importRawDataKey(new Uint8Array(32).fill(42));

beforeEach(async () => {
  adoptKey(await key);
});

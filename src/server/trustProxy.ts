import { isIP } from 'node:net';

/**
 * Which reverse proxies the server believes (Fastify's `trustProxy`): a number of hops, or the proxies' own
 * addresses. Never `true`: trusting every hop lets a client write its own `X-Forwarded-For` and choose the
 * address the login limits count, and its own `X-Forwarded-Proto` and `X-Forwarded-Host` (a refresh cookie
 * without Secure, another origin for the Origin check). `false`: no proxy, the socket's address counts.
 */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for ranges (127.0.0.0/8 and ::1; 169.254/16 and fe80::/10; 10/8, 172.16/12, 192.168/16, fc00::/7). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `TRUST_PROXY` as an operator writes it: unset or empty (no proxy), a hop count (`1`: one proxy in front; the
 * address it appended to `X-Forwarded-For` counts and whatever the client wrote before it does not), or a
 * comma-separated list of the proxies' addresses or CIDR ranges (`127.0.0.1`, `10.0.0.0/8, ::1`). Anything
 * else stops the server at start with a message that says what to write instead.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`TRUST_PROXY=${text}: that many proxies in a row is surely a mistake; give the number of proxies in front of the server (usually 1).`);
    return hops;
  }
  if (['true', '*', 'all', 'yes'].includes(text.toLowerCase())) {
    throw new Error(
      `TRUST_PROXY=${text} would trust every X-Forwarded-* header a client sends (its own address for the login limits, its own protocol for the cookie). ` +
        'Give the number of proxies in front of the server (TRUST_PROXY=1) or their addresses (TRUST_PROXY=127.0.0.1 or 10.0.0.0/8).',
    );
  }
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length > 0) throw new Error(`TRUST_PROXY: not an address or CIDR range: ${bad.join(', ')}. Example: TRUST_PROXY=127.0.0.1,10.0.0.0/8`);
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d+$/.test(bits)) return false;
  const max = family === 4 ? 32 : 128;
  // /0 would be "every address": the same as trusting all.
  return Number(bits) >= 1 && Number(bits) <= max;
}

/**
 * What Fastify gets. A list goes as it is (proxy-addr checks each hop's address). A hop count becomes a
 * function: Fastify 5.12 turns a bare number into "trust nothing" (it cannot check the direct peer), which
 * would make every sign-in seem to come from the proxy. With `(address, i) => i < hops` the direct peer and
 * the hops - 1 before it are taken to be proxies: the address the outermost proxy appended counts, and
 * anything the client wrote in front of it does not. That holds only when nobody reaches the server except
 * through the proxy (HOST=127.0.0.1, or a firewall); the README says so and prefers the list.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false || trust === 0) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust.length === 0 ? false : trust;
}

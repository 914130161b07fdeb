// The sync bench pages, driven over the DevTools protocol with only the Runtime domain on. Playwright turns on
// the Network domain of every page it drives, and Chromium then reports and keeps a copy of each response for
// DevTools: fetching one 50,000-note history here cost the page's process 1.7 s of CPU under Playwright against
// 1.1 s driven this way (3 passes each, same server). A tablet runs none of that, and in the staged bench it fell
// on the timed side only (the raw write's fetches are untimed).
import { spawn } from 'node:child_process';
import { BROWSER_ARGS, CHROMIUM, freshDir, removeDir } from './lib.mjs';

// Headless, and what Playwright's own launch switches off that bears on timing (throttled timers, a backgrounded
// renderer, field trials) or on a clean profile (first-run screens, the system keyring).
const LAUNCH_ARGS = [
  '--headless',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-field-trial-config',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--password-store=basic',
];

/**
 * Opens `url` in a fresh Chromium profile and waits for the page's title 'bench ready'. `call(fn, …args)` runs
 * `window.bench[fn](…args)` and returns its result; an exception thrown by the page is logged as `label`.
 */
export async function openBarePage(url, { profileName, label, log, readyMs = 30_000 }) {
  const profile = freshDir(profileName);
  const child = spawn(CHROMIUM, [...BROWSER_ARGS, ...LAUNCH_ARGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  // A Chromium that cannot start ('error', no 'exit') counts as gone too: close() must not wait for it for ever.
  const exited = new Promise((resolve) => (child.once('exit', resolve), child.once('error', resolve)));
  const protocol = pipeProtocol(child.stdio[3], child.stdio[4], (event) => {
    if (event.method === 'Runtime.exceptionThrown') log(`${label}: ${event.params.exceptionDetails.exception?.description ?? event.params.exceptionDetails.text}`);
  });
  const close = async () => {
    await protocol.send('Browser.close').catch(() => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    removeDir(profile);
  };
  try {
    const { targetId } = await protocol.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await protocol.send('Target.attachToTarget', { targetId, flatten: true });
    await protocol.send('Runtime.enable', {}, sessionId);
    await protocol.send('Page.navigate', { url }, sessionId);
    const evaluate = async (expression) => {
      const answer = await protocol.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
      if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
      return answer.result.value;
    };
    for (const end = Date.now() + readyMs; (await evaluate('document.title').catch(() => '')) !== 'bench ready'; ) {
      if (Date.now() > end) throw new Error(`${label}: ${url} not ready after ${readyMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // A library may reject with a plain object (PouchDB does): turn anything thrown into a readable Error.
    const call = (fn, ...args) =>
      evaluate(`window.bench[${JSON.stringify(fn)}](...${JSON.stringify(args)}).catch((e) => Promise.reject(new Error(${JSON.stringify(fn)} + ': ' + (e?.stack ?? JSON.stringify(e)))))`);
    return { call, evaluate, close };
  } catch (e) {
    await close();
    throw new Error(`${e.message}\n${stderr}`);
  }
}

/** Chromium's --remote-debugging-pipe: JSON messages each ended by a NUL byte, commands on fd 3, answers on fd 4. */
function pipeProtocol(toBrowser, fromBrowser, onEvent) {
  let nextId = 0;
  const waiting = new Map();
  let pending = [];
  fromBrowser.on('data', (chunk) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; start = end + 1, end = chunk.indexOf(0, start)) {
      const message = JSON.parse(Buffer.concat([...pending, chunk.subarray(start, end)]).toString('utf8'));
      pending = [];
      if (message.id === undefined) onEvent(message);
      else waiting.get(message.id)?.(message);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  let closed = false;
  fromBrowser.once('close', () => {
    closed = true;
    for (const answer of waiting.values()) answer({ error: { message: 'the browser closed' } });
  });
  // Writing to a browser that is gone fails with EPIPE: its answers fail through 'close' above instead.
  toBrowser.on('error', () => {});
  return {
    send(method, params = {}, sessionId) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        if (closed) return reject(new Error(`${method}: the browser closed`));
        waiting.set(id, (message) => {
          waiting.delete(id);
          if (message.error) reject(new Error(`${method}: ${message.error.message}`));
          else resolve(message.result);
        });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
  };
}

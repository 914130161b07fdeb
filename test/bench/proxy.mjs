// A tiny same-origin front for the sync bench page: its built files, plus /api/* forwarded to the app's server
// and /couch/* to express-pouchdb. Same origin means no CORS in either measurement, and the app's refresh
// cookie (SameSite=Strict, path /api/auth) works exactly as it does behind a production reverse proxy.
// Both servers are reached through the same proxy, so its cost lands on both sides of the comparison.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** `routes`: [[pathPrefix, upstreamPort], …]; anything else is a GET of a file under `dir`. */
export function startProxy(dir, routes) {
  // Kept-alive upstream connections, as a production reverse proxy would hold them.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  // An idle kept-alive connection the upstream closes just as it is reused fails with ECONNRESET (a PouchDB run
  // after ~10 s of the app's own runs met it): the request, its body held, is sent once more on a new connection.
  const forward = (req, res, port) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => send(Buffer.concat(chunks), 0));
    const send = (body, attempt) => {
      const up = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${port}` }, agent: attempt === 0 ? agent : false }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      up.on('error', (e) => {
        if (attempt === 0 && !res.headersSent && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) return send(body, 1);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${e.message}`);
      });
      up.end(body);
    };
  };
  const server = createServer((req, res) => {
    const route = routes.find(([prefix]) => req.url.startsWith(prefix));
    if (route) return forward(req, res, route[1]);
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => (agent.destroy(), server.closeAllConnections(), server.close(() => done()))),
      }),
    ),
  );
}

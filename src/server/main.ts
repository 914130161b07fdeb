import { readFileSync } from 'node:fs';
import { buildServer } from './app';

/** `npm start`: serve the built app with demo data. PORT and HOST as usual; DEMO=0 turns the demo data off. */
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const demo = process.env.DEMO !== '0';

const app = await buildServer({ staticDir: process.env.STATIC_DIR ?? 'dist', demo, version: pkg.version, logger: false });
const address = await app.listen({ port, host });
process.stdout.write(`Veldwerk draait op ${address.replace('127.0.0.1', 'localhost')}\n`);
if (demo) process.stdout.write('Demo-gegevens: Voorbeeldstad (fictief). Er zijn nog geen accounts: de app opent meteen.\n');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}

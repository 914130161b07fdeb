import { render } from 'preact';
import { App } from './App';
import { connect, onVersionChange } from './db/connection';
import { startI18n } from './i18n/i18n';
import { requestPersistence } from './pwa/storage';
import { startServiceWorker } from './pwa/updates';
import { seedDemoIfFresh } from './sync/seedDemo';
import { flushAll } from './ui/dirtyEditors';
import './ui/app.css';

/** Composition root, the only place with start-up side effects: i18n → db → render → background work. */
const DATABASE_NAME = 'veldwerk';

async function start(): Promise<void> {
  await startI18n();
  connect(DATABASE_NAME);
  const root = document.getElementById('app')!;
  const draw = (databaseClosed: boolean) => render(<App databaseClosed={databaseClosed} />, root);
  onVersionChange(async () => {
    await flushAll().catch(() => {});
    draw(true);
  });
  draw(false);
  startServiceWorker();
  void requestPersistence();
  void seedDemoIfFresh().catch(() => {});
}

void start();

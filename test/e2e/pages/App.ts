import type { Page } from 'playwright-core';

/** Page object for the shell and the flows the tests share. Selectors follow what a user sees: roles and labels. */
export class App {
  /** The password of the last sign-in: a signed-in device opens only with it after a reload (shell/lock.tsx). */
  private password: string | null = null;

  constructor(readonly page: Page, readonly baseUrl: string) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(this.baseUrl + path);
    await this.unlockIfAsked();
  }

  /** A sign-in the test did by hand: the password that opens the device after a reload. */
  signedInWith(password: string): void {
    this.password = password;
  }

  /**
   * After a page load: a signed-in device shows its unlock screen first; the signed-in person's password opens it.
   * Found by its structure, not its words, so it works in either language.
   */
  async unlockIfAsked(): Promise<void> {
    const nav = this.page.getByRole('navigation');
    const lock = this.page.locator('.lock-screen form');
    await nav.or(lock).first().waitFor();
    if (!(await lock.isVisible())) return;
    if (this.password === null) throw new Error('The device asks for a password, but this page object never signed in.');
    await this.unlock(this.password);
  }

  async unlock(password: string): Promise<void> {
    await this.page.locator('.lock-screen input[type=password]').fill(password);
    await this.page.locator('.lock-screen button[type=submit]').click();
    await this.page.getByRole('navigation').waitFor();
  }

  /** Waits until the service worker controls the page, reloading once after the first install. */
  async untilControlled(): Promise<void> {
    await this.page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await this.page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await this.page.reload();
      await this.unlockIfAsked();
    }
    await this.page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }

  /**
   * Signs in on /aanmelden. A device that already holds data (the demo, or local work) is asked what happens to
   * it: `localData` answers that question when it comes ('erase' by default).
   */
  async signIn(email: string, password: string, localData: 'erase' | 'keep' = 'erase'): Promise<void> {
    await this.open('/aanmelden');
    await this.page.getByLabel('E-mailadres').fill(email);
    await this.page.getByLabel('Wachtwoord').fill(password);
    await this.page.getByRole('button', { name: 'Aanmelden' }).last().click();
    this.password = password;
    const caseload = this.page.getByRole('heading', { level: 1, name: 'Mijn dossiers' });
    const question = this.page.getByRole('heading', { level: 1, name: 'Er staan al gegevens op dit toestel' });
    await caseload.or(question).waitFor();
    if (await question.isVisible()) {
      const answer = localData === 'erase' ? 'Wissen en beginnen met mijn gegevens' : /^Bewaren als mijn eigen werk/;
      await this.page.getByRole('button', { name: answer }).click();
      await caseload.waitFor();
    }
  }

  /** Waits until a sync round has succeeded since the page loaded. */
  async synced(): Promise<void> {
    try {
      await this.page.getByTestId('sync-controls').getByText('Gesynchroniseerd').waitFor({ timeout: 30_000 });
    } catch (e) {
      throw new Error(`no sync round finished; the header says: ${await this.headerText()}`, { cause: e });
    }
  }

  /** What the person would see in the header, so a failure on CI says why a round did not finish. */
  private async headerText(): Promise<string> {
    const seen = await Promise.all(['device-status', 'sync-controls'].map((id) => this.page.getByTestId(id).innerText({ timeout: 2000 }).catch(() => '?')));
    return seen.join(' | ');
  }

  async syncNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    try {
      await this.page.getByTestId('device-status').getByText('Geen wijzigingen die wachten').waitFor({ timeout: 20_000 });
      await this.synced();
    } catch (e) {
      throw new Error(`sync did not finish; the header says: ${await this.headerText()}`, { cause: e });
    }
  }

  /** Every record in every IndexedDB store of the app's origin, as text: what someone with the tablet could read. */
  /**
   * Everything the origin keeps, as text: every IndexedDB database and store (bytes decoded as text too, so a
   * plaintext marker inside a byte array would show), localStorage, sessionStorage and Cache Storage (every
   * cached URL and body). Where client data must never be found.
   */
  async rawStorage(): Promise<string> {
    return this.page.evaluate(async () => {
      const dump: string[] = [];
      const asText = (_key: string, value: unknown) => (value instanceof Uint8Array ? new TextDecoder('latin1').decode(value) : value instanceof ArrayBuffer ? new TextDecoder('latin1').decode(new Uint8Array(value)) : value);
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(info.name!);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of Array.from(database.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const request = database.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          dump.push(JSON.stringify(rows, asText));
        }
        database.close();
      }
      dump.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }));
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) dump.push(request.url, (await (await cache.match(request))?.text()) ?? '');
      }
      return dump.join('\n');
    });
  }

  async caseloadLabels(): Promise<string[]> {
    await this.page.getByTestId('caseload').or(this.page.getByText(/nog geen open dossiers|no open cases/i)).first().waitFor();
    return this.page.locator('[data-testid=caseload] .list-title').allTextContents();
  }

  async createCase(label: string): Promise<void> {
    await this.open('/dossiers/nieuw');
    await this.page.getByLabel('Naam van het dossier').fill(label);
    await this.page.getByRole('button', { name: 'Bewaren' }).click();
    await this.page.getByRole('heading', { level: 1, name: label }).waitFor();
  }

  async openCase(label: string): Promise<void> {
    await this.open('/');
    await this.page.getByRole('link', { name: label }).click();
    await this.page.getByRole('heading', { level: 1, name: label }).waitFor();
  }

  async startVisitNote(): Promise<void> {
    await this.page.getByRole('link', { name: 'Nieuwe huisbezoeknotitie' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Huisbezoeknotitie' }).waitFor();
  }

  facts() {
    return this.page.getByLabel('Wat zag en hoorde je?');
  }

  /** Waits for the autosave status to confirm the draft is on the device. */
  async draftSaved(): Promise<void> {
    await this.page.getByTestId('draft-status').getByText('Concept bewaard').waitFor();
  }
}

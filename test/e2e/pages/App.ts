import type { Page } from 'playwright-core';

/** Page object for the shell and the flows the tests share. Selectors follow what a user sees: roles and labels. */
export class App {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(this.baseUrl + path);
    await this.page.getByRole('navigation').waitFor();
  }

  /** Waits until the service worker controls the page, reloading once after the first install. */
  async untilControlled(): Promise<void> {
    await this.page.evaluate(() => navigator.serviceWorker.ready);
    if (!(await this.page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await this.page.reload();
      await this.page.getByRole('navigation').waitFor();
    }
    await this.page.waitForFunction(() => !!navigator.serviceWorker.controller);
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

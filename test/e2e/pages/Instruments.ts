import type { App } from './App';

/** Page object for the instruments: start a run, answer, place partners in a grid, draw people in an ecogram. */
export class Instruments {
  constructor(readonly app: App) {}

  get page() {
    return this.app.page;
  }

  /** Starts a network instrument from the instruments screen; returns the run's path. */
  async start(name: string, title: string): Promise<string> {
    await this.app.open('/instrumenten');
    await this.page.locator('.instrument-catalogue > li', { hasText: name }).getByRole('link', { name: 'Starten' }).click();
    return this.submitStart(name, title);
  }

  /** Starts an ecogram from the case screen that is open; returns the run's path. */
  async startEcogram(title: string): Promise<string> {
    await this.page.getByRole('link', { name: 'Nieuw ecogram' }).click();
    return this.submitStart('Ecogram', title);
  }

  private async submitStart(name: string, title: string): Promise<string> {
    await this.page.getByRole('heading', { level: 1, name: `Nieuw: ${name}` }).waitFor();
    await this.page.getByLabel('Titel', { exact: true }).fill(title);
    await this.page.getByRole('button', { name: 'Starten' }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
    return new URL(this.page.url()).pathname;
  }

  /** Waits until everything typed is on the device. */
  async saved(): Promise<void> {
    await this.page.getByTestId('save-state').getByText('Alles is bewaard op dit toestel.').waitFor();
  }

  async placePartner(partner: string, power: 'hoog' | 'laag', interest: 'hoog' | 'laag'): Promise<void> {
    const form = this.page.locator('form.add-placement');
    await form.getByLabel('Partner uit de lokale sociale kaart').selectOption({ label: partner });
    await form.getByRole('group', { name: 'Macht of invloed' }).getByLabel(power).check();
    await form.getByRole('group', { name: 'Belang bij het thema' }).getByLabel(interest).check();
    await form.getByRole('button', { name: 'In de matrix zetten' }).click();
    await this.page.locator('.placements').getByRole('group', { name: partner }).waitFor();
    await this.saved();
  }

  quadrant(name: 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor') {
    return this.page.locator(`[data-quadrant=${name}]`);
  }

  async addPerson(name: string, group: string, tie: string, support?: string): Promise<void> {
    const form = this.page.locator('form.eco-person-form');
    await form.getByLabel('Naam of rol').fill(name);
    await form.getByLabel('Groep').selectOption({ label: group });
    await form.getByRole('group', { name: 'Band met de cliënt' }).getByLabel(tie, { exact: true }).check();
    if (support) await form.getByLabel(support).check();
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    await this.page.getByTestId('ecogram-people').getByRole('heading', { name }).waitFor();
    await this.saved();
  }
}

/**
 * One run of each kind of screen (a checklist, a grid with two partners, an ecogram with two people): their paths,
 * and what shows once each is fully drawn (the grid's add form waits for the partner directory).
 */
export async function sampleRuns(instruments: Instruments): Promise<Array<{ path: string; ready: string }>> {
  const checklist = await instruments.start('Gelaagde realiteit', 'Gelaagde realiteit wonen (test)');
  await instruments.page.getByLabel('Voor welk thema vul je de lagen in?').selectOption({ label: 'Wonen' });
  await instruments.page.getByRole('group', { name: /noden en vragen inwoners/ }).getByLabel('Ja').check();
  await instruments.saved();
  const grid = await instruments.start('Macht-belangenmatrix', 'Matrix (test)');
  await instruments.placePartner('CAW Voorbeeldregio (fictief)', 'hoog', 'hoog');
  await instruments.placePartner('Sociaal Huis Voorbeeldstad', 'laag', 'laag');
  await instruments.app.open('/dossiers/demo-case-1');
  await instruments.page.getByRole('heading', { level: 1 }).waitFor();
  const ecogram = await instruments.startEcogram('Ecogram (test)');
  await instruments.addPerson('Buurvrouw Rita', 'Buren en kennissen', 'Sterk', 'Praktische hulp');
  await instruments.addPerson('Zus Ann', 'Familie', 'Met spanning');
  return [
    { path: checklist, ready: '[data-testid=save-state]' },
    { path: grid, ready: 'form.add-placement' },
    { path: ecogram, ready: '[data-testid=ecogram-people]' },
  ];
}

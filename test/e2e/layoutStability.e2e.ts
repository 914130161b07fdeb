import { describe, expect, it } from 'vitest';
import { useSession } from './support/session';

const session = useSession();

/** Phone portrait, tablet portrait, tablet landscape: the header has a different layout in each. */
const SIZES = [
  { width: 412, height: 823 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
];

/** Records every layout shift from the start of the page, with what moved, for a readable failure. */
function recordShifts() {
  const shifts: string[] = [];
  (window as unknown as { __shifts: string[] }).__shifts = shifts;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[]) {
      const moved = e.sources.map((s) => (s.node?.textContent ?? '?').slice(0, 40)).join(' | ');
      shifts.push(`${Math.round(e.startTime)} ms, ${e.value.toFixed(4)}: ${moved}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

describe('the first screen', () => {
  it('does not move while the header fills in after it (organisation, sync row, counts)', async () => {
    const { profile, server } = session();
    const page = await profile.context.newPage();
    await page.addInitScript(recordShifts);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto(server.url);
      await page.getByTestId('sync-controls').getByRole('link', { name: 'Aanmelden' }).waitFor();
      await page.getByText('Voorbeeldstad (demo)').waitFor();
      // The conflict and refusal counts join the row 1.5 s after it; give them time to arrive.
      await page.waitForTimeout(2_000);
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts);
      expect(shifts, `${size.width}×${size.height}`).toEqual([]);
    }
    await page.close();
  });
});

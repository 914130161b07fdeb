// Lighthouse 12 (default config = mobile: Moto G Power screen, simulated slow 4G and 4× CPU) on the first screen.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BROWSER_ARGS, CHROMIUM, median } from './lib.mjs';

const CHROME_FLAGS = ['--headless=new', ...BROWSER_ARGS];
// Lighthouse 12.2.3 is older than this Chromium; now and then the trace comes back without the page's
// navigationStart. Such a run measured nothing, so it is repeated (and counted), never scored.
const TRACE_ERRORS = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED', 'NO_RESOURCE_REQUEST']);
const MAX_ATTEMPTS = 3;

class TraceError extends Error {}

// The five metrics that make up the mobile performance score (weights 10/25/30/25/10 in Lighthouse 12).
const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'SI',
};
const show = (id, value) => (id === 'cumulative-layout-shift' ? value.toFixed(3) : `${Math.round(value)} ms`);
const describe = (id, m) => `${METRICS[id]} ${show(id, m.value)} (score ${m.score})`;

/** One run in a fresh Chrome (chrome-launcher gives each launch its own temporary profile). */
async function oneRun(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError && TRACE_ERRORS.has(lhr.runtimeError.code)) throw new TraceError(lhr.runtimeError.code);
    if (lhr.runtimeError) throw new Error(`Lighthouse runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const { performance, accessibility } = lhr.categories;
    // A null score means Lighthouse could not compute it (e.g. no paint): that is a broken run, not a zero.
    if (performance.score === null || accessibility.score === null) {
      throw new Error(`Lighthouse could not score the page: ${JSON.stringify(lhr.runWarnings)}`);
    }
    const failing = (category) =>
      category.auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
    return {
      performance: Math.round(performance.score * 100),
      accessibility: Math.round(accessibility.score * 100),
      failingA11y: failing(accessibility).map((a) => a.id),
      // An accessibility audit that could not run is not a pass: the 100 would be incomplete without it.
      erroredA11y: accessibility.auditRefs.map((ref) => lhr.audits[ref.id]).filter((a) => a.scoreDisplayMode === 'error').map((a) => a.id),
      // The metrics behind the performance score, for the diagnosis when it falls short.
      metrics: Object.fromEntries(
        Object.keys(METRICS).map((id) => [id, { value: lhr.audits[id]?.numericValue, score: lhr.audits[id]?.score }]),
      ),
      warnings: lhr.runWarnings,
      // Lighthouse's own measure of the host CPU: its 4x slowdown assumes a high-end desktop (about 1500-2000).
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      // Audits Lighthouse could not run (trace format drift in newer Chromium): none of them feeds a score
      // here unless a category score is null, which is checked above.
      erroredAudits: Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error').map((a) => a.id),
    };
  } finally {
    await chrome.kill();
  }
}

export async function measureLighthouse(url, runs, log) {
  const samples = [];
  let repeated = 0;
  for (let i = 0; i < runs; i++) {
    let r;
    for (let attempt = 1; !r; attempt++) {
      try {
        r = await oneRun(url);
      } catch (e) {
        if (!(e instanceof TraceError) || attempt >= MAX_ATTEMPTS) throw e;
        repeated++;
        log(`lighthouse run ${i + 1}/${runs}: trace incomplete (${e.message}), repeating`);
      }
    }
    samples.push(r);
    const metrics = Object.entries(r.metrics).map(([id, m]) => describe(id, m)).join(', ');
    log(`lighthouse run ${i + 1}/${runs}: performance ${r.performance}, accessibility ${r.accessibility} (${metrics})`);
    for (const w of r.warnings) log(`  lighthouse warning: ${w}`);
    if (r.erroredAudits.length) log(`  audits Lighthouse could not run: ${r.erroredAudits.join(', ')}`);
  }
  return {
    performance: samples.map((s) => s.performance),
    accessibility: samples.map((s) => s.accessibility),
    // An audit that failed in any run is worth fixing; they are the same page, so this is usually all or none.
    failingA11y: [...new Set(samples.flatMap((s) => s.failingA11y))],
    erroredA11y: [...new Set(samples.flatMap((s) => s.erroredA11y))],
    repeated,
    benchmarkIndex: median(samples.map((s) => s.benchmarkIndex).filter((b) => typeof b === 'number')),
    // Per metric, the median value and median score over the runs: which metric costs the points.
    metrics: Object.keys(METRICS).map((id) => {
      const of = (k) => median(samples.map((x) => x.metrics[id][k]));
      return describe(id, { value: of('value'), score: of('score') });
    }),
  };
}

// The one result table. Verdicts are computed from the unrounded measured numbers, never from the text.
import { median, p95 } from './lib.mjs';

/** p95 is only printed with enough samples to mean something; below that it says n/a. */
const MIN_SAMPLES_FOR_P95 = 20;

/**
 * A row from raw samples. `judge` is 'median' or 'p95' (which statistic the target applies to), `target` is
 * { op: '<=' | '>=', value, text } or null for rows that are information only.
 */
export function row(metric, samples, { unit, digits = 1, judge = 'median', target = null, runs = samples.length }) {
  if (!samples.length || samples.some((s) => typeof s !== 'number' || !Number.isFinite(s))) {
    throw new Error(`No valid samples for "${metric}": ${JSON.stringify(samples)}`);
  }
  const med = median(samples);
  const hasP95 = samples.length >= MIN_SAMPLES_FOR_P95;
  const tail = hasP95 ? p95(samples) : null;
  const fmt = (v) => `${v.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
  let verdict = 'info';
  if (target) {
    const judged = judge === 'p95' ? tail : med;
    if (judged === null) throw new Error(`"${metric}" is judged on p95 but has only ${samples.length} samples`);
    verdict = (target.op === '<=' ? judged <= target.value : judged >= target.value) ? 'PASS' : 'FAIL';
  }
  return {
    metric,
    median: fmt(med),
    p95: hasP95 ? fmt(tail) : 'n/a',
    // A single exact value (a size, a ratio of medians) has no statistic to name.
    target: target ? `${samples.length > 1 ? `${judge} ` : ''}${target.op} ${target.text}` : '-',
    verdict,
    runs: String(runs),
  };
}

export function formatTable(rows) {
  const head = { metric: 'metric', median: 'median', p95: 'p95', target: 'target', verdict: 'PASS/FAIL', runs: 'runs' };
  const cols = Object.keys(head);
  const all = [head, ...rows];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...all.map((r) => r[c].length))]));
  // Text left-aligned, numbers right-aligned, so the decimal points line up.
  const cell = (r, c) => (c === 'median' || c === 'p95' || c === 'runs' ? r[c].padStart(width[c]) : r[c].padEnd(width[c]));
  const line = (r) => cols.map((c) => cell(r, c)).join(' | ');
  const rule = cols.map((c) => '-'.repeat(width[c])).join('-+-');
  return [line(head), rule, ...rows.map(line)].join('\n');
}

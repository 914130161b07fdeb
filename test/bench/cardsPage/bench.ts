// Runs inside Chromium: the app's card search (src/search) over the real card content, query by query.
import { cards as en } from '../../../src/cards/enCards';
import { cards as nl } from '../../../src/cards/nlCards';
import { cardSearch } from '../../../src/search/cardSearch';
import { QUERIES } from './queries';

/** `reps` rounds over every query, each timed on its own; building the index (once per language) apart. */
function run(reps: number) {
  const t0 = performance.now();
  const search = { nl: cardSearch(nl), en: cardSearch(en) };
  const buildMs = performance.now() - t0;
  for (const [lang, q] of QUERIES) search[lang](q); // untimed warm-up: JIT
  const samples: number[] = [];
  let withHits = 0;
  for (let r = 0; r < reps; r++) {
    for (const [lang, q] of QUERIES) {
      const start = performance.now();
      const found = search[lang](q);
      samples.push(performance.now() - start);
      if (r === 0 && found.length > 0) withHits++;
    }
  }
  return { samples, buildMs, queries: QUERIES.length, withHits };
}

/** A fixed amount of CPU work, to prove the throttling held (as in coldStart.mjs). */
function busyLoop(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e7; i++) x += Math.sqrt(i);
  return x > 0 ? performance.now() - t : -1;
}

(window as unknown as { cardBench: object }).cardBench = { run, busyLoop };
document.title = 'bench ready';

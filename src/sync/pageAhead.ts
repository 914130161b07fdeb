/**
 * Pages of a chain (each page names the next one's `after`) fetched ahead of the one being written, at most
 * `depth` of them, so the network and the server work while IndexedDB writes. A page asked for with another
 * `after` than the one fetched ahead (the writer fell behind a pull and asks again) drops what was fetched
 * ahead and starts over from there. Fetches that are never used may fail without an unhandled rejection.
 */
export interface PageAhead<P> {
  /** The page after `after`: the one fetched ahead if there is one, else fetched now. */
  take(after: string): Promise<P>;
  /** Starts fetching from `after` now, before the first take, unless pages are already under way. */
  start(after: string): void;
  /** Stops fetching ahead (the loop ends or fails). */
  stop(): void;
}

export function pagesAhead<P extends { nextAfter: string | null }>(fetchPage: (after: string) => Promise<P>, depth: number): PageAhead<P> {
  const queue: Array<{ after: string; page: Promise<P> }> = [];
  // The `after` of the next page to fetch ahead, once the queue has room; null when the chain has ended.
  let resumeAt: string | null = null;
  let generation = 0;
  let stopped = false;

  const fetchAhead = (after: string) => {
    const mine = generation;
    const page = fetchPage(after);
    queue.push({ after, page });
    page.then(
      (p) => {
        if (mine !== generation || stopped || p.nextAfter === null) return;
        if (queue.length < depth) fetchAhead(p.nextAfter);
        else resumeAt = p.nextAfter;
      },
      () => {},
    );
  };

  return {
    take(after) {
      const first = queue[0];
      if (!first || first.after !== after) {
        generation += 1;
        queue.length = 0;
        resumeAt = null;
        fetchAhead(after);
      }
      const taken = queue.shift()!;
      if (resumeAt !== null && !stopped) {
        const next = resumeAt;
        resumeAt = null;
        fetchAhead(next);
      }
      return taken.page;
    },
    start(after) {
      if (queue.length === 0 && !stopped) fetchAhead(after);
    },
    stop() {
      stopped = true;
      generation += 1;
      queue.length = 0;
    },
  };
}

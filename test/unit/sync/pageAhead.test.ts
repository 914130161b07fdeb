import { describe, expect, it } from 'vitest';
import { pagesAhead } from '../../../src/sync/pageAhead';

type Page = { after: string; nextAfter: string | null };

/** A chain of pages 'a' → 'b' → … → last; each fetch answers when its `answer` is called, and is logged. */
function chain(names: string[]) {
  const asked: string[] = [];
  const pending = new Map<string, () => void>();
  const fetchPage = (after: string) => {
    asked.push(after);
    const i = names.indexOf(after);
    return new Promise<Page>((resolve) => pending.set(after, () => resolve({ after, nextAfter: names[i + 1] ?? null })));
  };
  const answer = async (after: string) => {
    pending.get(after)!();
    pending.delete(after);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, fetchPage, answer };
}

describe('pagesAhead', () => {
  it('keeps at most `depth` pages fetched ahead of the one taken, and no more', async () => {
    const c = chain(['a', 'b', 'c', 'd', 'e']);
    const pages = pagesAhead(c.fetchPage, 2);
    const first = pages.take('a');
    await c.answer('a');
    expect((await first).after).toBe('a');
    expect(c.asked).toEqual(['a', 'b']); // the next one as soon as this one names it
    await c.answer('b');
    expect(c.asked).toEqual(['a', 'b', 'c']); // two ahead while 'a' is written
    await c.answer('c');
    expect(c.asked).toEqual(['a', 'b', 'c']); // the limit: 'd' waits until 'b' is taken
    expect((await pages.take('b')).after).toBe('b');
    expect(c.asked).toEqual(['a', 'b', 'c', 'd']);
    pages.stop();
  });

  it('start fetches before the first take, once; the take then gets the page under way', async () => {
    const c = chain(['a', 'b', 'c']);
    const pages = pagesAhead(c.fetchPage, 2);
    pages.start('a');
    pages.start('a');
    expect(c.asked).toEqual(['a']);
    await c.answer('a');
    expect(c.asked).toEqual(['a', 'b']);
    expect((await pages.take('a')).after).toBe('a');
    expect(c.asked).toEqual(['a', 'b']);
    pages.stop();
    pages.start('c');
    expect(c.asked).toEqual(['a', 'b']); // stopped: nothing more
  });

  it('stops at the end of the chain', async () => {
    const c = chain(['a', 'b']);
    const pages = pagesAhead(c.fetchPage, 3);
    const first = pages.take('a');
    await c.answer('a');
    await c.answer('b');
    await first;
    expect((await pages.take('b')).nextAfter).toBeNull();
    expect(c.asked).toEqual(['a', 'b']);
  });

  it('asked for another page than the one ahead (the writer asks again), drops what was ahead and starts there', async () => {
    const c = chain(['a', 'b', 'c', 'd']);
    const pages = pagesAhead(c.fetchPage, 2);
    const first = pages.take('a');
    await c.answer('a');
    await first;
    // 'a' came too late to be written: the loop asks for it again.
    const again = pages.take('a');
    expect(c.asked).toEqual(['a', 'b', 'a']);
    await c.answer('a');
    expect((await again).after).toBe('a');
    expect(c.asked).toEqual(['a', 'b', 'a', 'b']); // the new run's own next page
    pages.stop();
  });

  it('fetches nothing more after stop, and a failed fetch ahead is no unhandled rejection', async () => {
    const asked: string[] = [];
    const pages = pagesAhead<Page>((after) => {
      asked.push(after);
      return after === 'a' ? Promise.resolve({ after, nextAfter: 'b' }) : Promise.reject(new Error('offline'));
    }, 2);
    await pages.take('a');
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['a', 'b']);
    await expect(pages.take('b')).rejects.toThrow('offline');
    pages.stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['a', 'b']);
  });
});

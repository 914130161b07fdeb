import { afterEach, describe, expect, it, vi } from 'vitest';
import { anyDirty, anyUnsaved, flushAll, markClean, markDirty, markUnsaved, onDirtyChange, whenNoneUnsaved } from '../../../src/ui/dirtyEditors';

afterEach(() => ['note', 'form', 'other'].forEach(markClean));

describe('dirty editors', () => {
  it.each([
    { marks: [], dirty: false, unsaved: false },
    { marks: ['draft:note'], dirty: true, unsaved: false },
    { marks: ['form:form'], dirty: true, unsaved: true },
    { marks: ['draft:note', 'form:form'], dirty: true, unsaved: true },
    { marks: ['form:form', 'clean:form'], dirty: false, unsaved: false },
    { marks: ['form:form', 'draft:other', 'clean:form'], dirty: true, unsaved: false },
    // A form that later gets a draft of its own counts as a draft editor (the last mark wins).
    { marks: ['form:note', 'draft:note'], dirty: true, unsaved: false },
  ])('after $marks: dirty $dirty, unsaved $unsaved', ({ marks, dirty, unsaved }) => {
    for (const mark of marks) {
      const [kind, id] = mark.split(':') as [string, string];
      if (kind === 'draft') markDirty(id, async () => {});
      else if (kind === 'form') markUnsaved(id);
      else markClean(id);
    }
    expect(anyDirty()).toBe(dirty);
    expect(anyUnsaved()).toBe(unsaved);
  });

  it('flushAll writes every draft and skips forms, which have none', async () => {
    const flush = vi.fn(async () => {});
    markDirty('note', flush);
    markUnsaved('form');
    await flushAll();
    expect(flush).toHaveBeenCalledOnce();
  });

  it('whenNoneUnsaved waits for the last unsaved form, not for drafts', async () => {
    markDirty('note', async () => {});
    await whenNoneUnsaved(); // a draft editor alone: at once
    markUnsaved('form');
    markUnsaved('other');
    let done = false;
    void whenNoneUnsaved().then(() => (done = true));
    markClean('form');
    await Promise.resolve();
    expect(done).toBe(false);
    markClean('other');
    await vi.waitFor(() => expect(done).toBe(true));
  });

  it('tells listeners about every change, and stops when asked', () => {
    const seen: boolean[] = [];
    const stop = onDirtyChange(() => seen.push(anyUnsaved()));
    markDirty('note', async () => {});
    markUnsaved('form');
    markClean('form');
    markClean('form'); // already clean: no news
    stop();
    markUnsaved('form');
    expect(seen).toEqual([false, true, false]);
  });
});

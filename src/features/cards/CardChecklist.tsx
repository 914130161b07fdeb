import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../cards/cardSchema';
import type { CardLanguage } from '../../cards/categories';
import { t } from '../../i18n/i18n';
import type { Segment } from '../../search/termLinks';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { cardTicks, checklistIds, saveCardTicks, ticksIn, withTick } from './cardChecks';
import { LinkedText } from './LinkedText';

interface Props {
  slug: string;
  items: readonly string[];
  segments: Segment[][];
  terms: ReadonlyMap<string, GlossaryEntry>;
  lang: CardLanguage;
}

/** Where a tap on an item's text is meant for something inside it (a glossary term), not for its tick. */
const OWN_CONTROLS = 'button, a, input, label, .term-popover';

/**
 * A card's checklist with real checkboxes, ticked on this device and kept across reloads and offline. Each box is
 * named by its item's text; a tap anywhere on the item's text ticks it too, so the target is the whole line.
 */
export function CardChecklist({ slug, items, segments, terms, lang }: Props) {
  const ids = useMemo(() => checklistIds(items), [items]);
  const stored = useRef<string[]>([]);
  const [ticks, setTicks] = useState<Set<string>>(new Set());
  // The count says what is kept on the device: it follows a tick once the tick is stored, not before.
  const [keptCount, setKeptCount] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    setLoaded(false);
    cardTicks(slug).then(
      (list) => {
        if (!alive) return;
        stored.current = list;
        setTicks(ticksIn(list, ids));
        setKeptCount(ticksIn(list, ids).size);
        setLoaded(true);
      },
      () => alive && setLoaded(true),
    );
    return () => {
      alive = false;
    };
  }, [slug, ids]);

  const store = (next: string[]) => {
    stored.current = next;
    setTicks(ticksIn(next, ids));
    saveCardTicks(slug, next).then(
      () => {
        setFailed(false);
        setKeptCount(ticksIn(next, ids).size);
      },
      () => setFailed(true),
    );
  };
  const tick = (id: string, on: boolean) => store(withTick(stored.current, id, on));

  return (
    <div class="card-checklist" data-testid="card-checklist" data-loaded={loaded ? 'true' : undefined}>
      <p class="hint no-print">{t('cards.checks.hint')}</p>
      <ul class="checklist checklist-ticks">
        {ids.map((id, i) => {
          const on = ticks.has(id);
          return (
            <li
              key={id}
              class={on ? 'check-item check-on' : 'check-item'}
              onClick={(e) => !(e.target as Element).closest(OWN_CONTROLS) && tick(id, !on)}
            >
              <label class="check-box">
                <input type="checkbox" checked={on} disabled={!loaded} aria-label={items[i]} data-item={id} onChange={(e) => tick(id, e.currentTarget.checked)} />
              </label>
              <span class="check-text">
                <LinkedText segments={segments[i]!} terms={terms} lang={lang} />
              </span>
            </li>
          );
        })}
      </ul>
      <div class="checklist-bar no-print">
        <p class="list-meta" role="status" data-testid="check-count">
          {t('cards.checks.count', { done: keptCount, total: ids.length })}
        </p>
        <Button onClick={() => store([])} disabled={ticks.size === 0}>
          {t('cards.checks.clear')}
        </Button>
      </div>
      {failed && <Notice kind="error">{t('cards.checks.saveFailed')}</Notice>}
    </div>
  );
}

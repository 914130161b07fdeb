import type { ComponentChildren } from 'preact';

/**
 * A message in words (and an icon-like prefix), never colour alone. `alert` interrupts the screen reader;
 * use it for errors the user must act on, `status` for everything else.
 */
export function Notice({ kind, children }: { kind: 'info' | 'success' | 'warning' | 'error'; children: ComponentChildren }) {
  const role = kind === 'error' ? 'alert' : 'status';
  return (
    <div class={`notice notice-${kind}`} role={role}>
      <span class="notice-mark" aria-hidden="true">
        {kind === 'error' ? '!' : kind === 'warning' ? '!' : kind === 'success' ? '✓' : 'i'}
      </span>
      <div class="notice-body">{children}</div>
    </div>
  );
}

/**
 * A plain form's typed values kept over a lock (issue 13): a form without a draft lives only on screen, and a
 * tablet whose tab is closed while it is locked (the browser reclaims it, the battery dies) would lose it. So
 * when the device locks or goes to the background, every such form's values are written sealed (a signed-in
 * device's db/keptForms.ts, installed by shell/lock), and the form takes them back when it opens again.
 *
 * The ui layer only knows this port: which forms are open with unsaved values, under which place.
 */
export interface FormKeeper {
  keep(place: string, values: unknown): Promise<void>;
  take(place: string): Promise<unknown>;
  drop(place: string): Promise<void>;
}

let keeper: FormKeeper | null = null;
/** Place → the form's values now, while the form holds unsaved values. */
const unsaved = new Map<string, () => unknown>();

export function installFormKeeper(next: FormKeeper): void {
  keeper = next;
}

/** The form at `place` holds unsaved values (read through `values` when kept). Returns the release. */
export function holdForm(place: string, values: () => unknown): () => void {
  unsaved.set(place, values);
  return () => {
    if (unsaved.get(place) === values) unsaved.delete(place);
  };
}

/** Writes every form that holds unsaved values; what fails (a full disk) stays on screen as before. */
export async function keepUnsavedForms(): Promise<void> {
  const into = keeper;
  if (!into) return;
  await Promise.all([...unsaved].map(([place, values]) => into.keep(place, values()).catch(() => {})));
}

/** What was kept for `place` (undefined if nothing, or no keeper on this device). */
export function keptValues(place: string): Promise<unknown> {
  return keeper ? keeper.take(place).catch(() => undefined) : Promise.resolve(undefined);
}

/** The form was saved or given up: what was kept for it goes. */
export function dropKept(place: string): void {
  void keeper?.drop(place).catch(() => {});
}

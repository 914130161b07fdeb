/**
 * Runs the loads one after another, each started when `idle` calls back, so they never pile up in one long
 * task. One that fails does not stop the others. Resolves when all have settled.
 */
export function loadInTurn(loads: ReadonlyArray<() => Promise<unknown>>, idle: (work: () => void) => void): Promise<void> {
  return loads.reduce<Promise<void>>(
    (previous, load) =>
      previous.then(
        () =>
          new Promise<void>((resolve) =>
            idle(() => {
              load().then(
                () => resolve(),
                () => resolve(),
              );
            }),
          ),
      ),
    Promise.resolve(),
  );
}

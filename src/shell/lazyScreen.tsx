import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadNamespace, t, type TextNamespace } from '../i18n/i18n';

/**
 * A screen whose code loads when it is first shown, so the first screen starts with less JavaScript.
 * The chunks are precached by the service worker, so this works offline and costs only parse time.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        // Not cached (the admin screens, say) and no connection: the next visit tries again.
        loading = null;
        throw error;
      },
    ));

  function LazyScreen(props: P) {
    const [ready, setReady] = useState(loaded !== null);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (ready) return;
      let alive = true;
      void preload().then(
        () => alive && setReady(true),
        () => alive && setFailed(true),
      );
      return () => {
        alive = false;
      };
    }, [ready]);
    const Component = loaded;
    if (Component) return <Component {...props} />;
    return failed ? <p role="alert">{t('common.screenNotLoaded')}</p> : <p role="status">{t('common.loading')}</p>;
  }
  return Object.assign(LazyScreen, { preload });
}

/** A screen's code together with the texts it needs beyond app.json (namespaces): it draws only when all are there. */
export const withTexts =
  <T,>(namespaces: readonly TextNamespace[], load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), ...namespaces.map(loadNamespace)]).then(([loaded]) => loaded);

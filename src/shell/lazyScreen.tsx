import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';

/**
 * A screen whose code loads when it is first shown, so the first screen starts with less JavaScript.
 * The chunks are precached by the service worker, so this works offline and costs only parse time.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
    }));

  function LazyScreen(props: P) {
    const [ready, setReady] = useState(loaded !== null);
    useEffect(() => {
      if (ready) return;
      let alive = true;
      void preload().then(() => alive && setReady(true));
      return () => {
        alive = false;
      };
    }, [ready]);
    const Component = loaded;
    return Component ? <Component {...props} /> : <p role="status">{t('common.loading')}</p>;
  }
  return Object.assign(LazyScreen, { preload });
}

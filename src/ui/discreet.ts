import { useEffect, useState } from 'preact/hooks';
import { applyDiscreet, DISCREET_KEY, isDiscreet } from './discreetMode';

/** Switches the discreet mode (ui/discreetMode.ts) on this device, for every tab. */
export function setDiscreet(on: boolean): void {
  try {
    if (on) localStorage.setItem(DISCREET_KEY, '1');
    else localStorage.removeItem(DISCREET_KEY);
  } catch {
    // Without storage the mode cannot be kept: it then stays off.
  }
  applyDiscreet();
}

/** Follows the mode, also when another tab changes it (the class on <html> changes with it). */
export function useDiscreet(): boolean {
  const [on, setOn] = useState(isDiscreet);
  useEffect(() => {
    const watcher = new MutationObserver(() => setOn(isDiscreet()));
    watcher.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => watcher.disconnect();
  }, []);
  return on;
}

import { useEffect, useState } from 'preact/hooks';

/** A tiny history router: paths are the app's deep links and work offline through the service worker. */
const listeners = new Set<() => void>();
let guard: (() => boolean) | null = null;

export function currentPath(): string {
  return location.pathname;
}

/** A leave guard (e.g. an unsaved form) may veto navigation; return true to allow it. */
export function setLeaveGuard(check: (() => boolean) | null): void {
  guard = check;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
  if (guard && !guard()) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

/** The path on screen, so a vetoed back or forward step can put the address back. */
let shown = location.pathname;
listeners.add(() => (shown = location.pathname));

addEventListener('popstate', () => {
  // The browser has already moved; if the guard says stay, step back to the screen still showing.
  if (guard && !guard()) {
    history.pushState(null, '', shown);
    return;
  }
  listeners.forEach((l) => l());
});

export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const update = () => setPath(currentPath());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return path;
}

/** Matches `/partners/:id` style patterns; returns the named parts or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const seg = s[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return params;
}

import { useSyncExternalStore } from 'react';

/**
 * A small hash router: `#/children/abc?tab=consent`. Hash routes work from file:// in Electron and
 * from the preview server alike, and print layouts are routes like any other screen.
 */
function subscribe(fn: () => void) {
  window.addEventListener('hashchange', fn);
  return () => window.removeEventListener('hashchange', fn);
}

export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

function currentHash() {
  return window.location.hash;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return { path, segments: path.split('/').filter(Boolean), query: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseRoute(hash);
}

export function navigate(path: string): void {
  window.location.hash = path.startsWith('#') ? path : `#${path}`;
}

export function href(path: string): string {
  return `#${path}`;
}

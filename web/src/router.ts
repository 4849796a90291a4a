import { useSyncExternalStore } from 'react';

/** Hash routes: '#/' and '#/wilayah' (explorer), '#/wilayah/<code>' (a region), '#/masuk' (login). */
export type Route =
  { page: 'regions'; code: string | null } | { page: 'login' } | { page: 'notFound' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#/, '').split('/').filter(Boolean);
  const [first, second, ...rest] = parts;
  if (first === undefined) return { page: 'regions', code: null };
  if (first === 'wilayah' && rest.length === 0) {
    if (second === undefined) return { page: 'regions', code: null };
    try {
      return { page: 'regions', code: decodeURIComponent(second) };
    } catch {
      return { page: 'notFound' };
    }
  }
  if (first === 'masuk' && second === undefined) return { page: 'login' };
  return { page: 'notFound' };
}

export function regionHash(code: string | null): string {
  return code === null ? '#/wilayah' : `#/wilayah/${code}`;
}

export const LOGIN_HASH = '#/masuk';

/** Changes the hash (a history entry, so the back button works); no-op when already there. */
export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function getHash(): string {
  return window.location.hash;
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseRoute(hash);
}

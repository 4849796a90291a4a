import { useSyncExternalStore } from 'react';

/**
 * Changes the hash; no-op when already there. A new history entry, so the back button works,
 * unless `replace` (a filter being adjusted should not fill the history).
 */
export function navigate(hash: string, options: { replace?: boolean } = {}): void {
  if (window.location.hash === hash) return;
  if (options.replace) window.location.replace(hash);
  else window.location.hash = hash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function getHash(): string {
  return window.location.hash;
}

/** The location's hash, re-rendering on every change. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, getHash, () => '');
}

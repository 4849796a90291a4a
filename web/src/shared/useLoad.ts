import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from './abort';

export type LoadState<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

/**
 * Loads what `key` names, again whenever the key changes; `reload` retries. `load` must depend on
 * nothing but the key: a new function for the same key is not called. A null key loads nothing.
 */
export function useLoad<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): { state: LoadState<T>; reload: () => void; set: (data: T) => void } {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{
    key: string;
    attempt: number;
    state: LoadState<T>;
  } | null>(null);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResult({ key, attempt, state: { status: 'ready', data } }),
      (error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        setResult({ key, attempt, state: { status: 'error', error } });
      },
    );
    return () => controller.abort();
    // `load` is left out on purpose: the key names what it loads (see above).
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback(
    (data: T) => {
      if (key !== null) setResult({ key, attempt, state: { status: 'ready', data } });
    },
    [key, attempt],
  );
  const state: LoadState<T> =
    result && result.key === key && result.attempt === attempt
      ? result.state
      : { status: 'loading' };
  return { state, reload, set };
}

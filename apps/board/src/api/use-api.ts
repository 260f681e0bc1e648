import { DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /**
   * Reloads until the answer shows `done` (a change just recorded), for views the API builds
   * from read models that trail its writes by a moment; gives up quietly after `timeoutMs`.
   */
  reloadUntil(done: (data: T) => boolean, timeoutMs?: number): void;
}

const POLL_MS = 200;

/**
 * Loads what `load` answers, again when `deps` change or on `reload()`; an answer that arrives
 * after a newer request started is dropped, so a quick change of filter never shows stale rows.
 */
export function useApi<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const awaited = useRef<{ done: (data: T) => boolean; until: number } | null>(null);
  // The caller names what the load depends on, as with useEffect.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setState((previous) => ({ ...previous, loading: true }));
    stableLoad().then(
      (data) => {
        if (!current) return;
        setState({ data, loading: false });
        const wanted = awaited.current;
        if (wanted && !wanted.done(data) && Date.now() < wanted.until) {
          retry = setTimeout(() => setGeneration((n) => n + 1), POLL_MS);
        } else awaited.current = null;
      },
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [stableLoad, generation]);
  return {
    ...state,
    reload: () => setGeneration((n) => n + 1),
    reloadUntil(done, timeoutMs = 5_000) {
      awaited.current = { done, until: Date.now() + timeoutMs };
      setGeneration((n) => n + 1);
    },
  } as Loaded<T>;
}

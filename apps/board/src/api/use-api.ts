import { DependencyList, useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Loads what `load` answers, again when `deps` change or on `reload()`; an answer that arrives
 * after a newer request started is dropped, so a quick change of filter never shows stale rows.
 */
export function useApi<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  // The caller names what the load depends on, as with useEffect.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    stableLoad().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [stableLoad, generation]);
  return {
    ...state,
    reload: () => setGeneration((n) => n + 1),
  } as Loaded<T>;
}

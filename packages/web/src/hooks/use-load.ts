import { useCallback, useEffect, useState, type DependencyList } from "react";

interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Replaces the data with a fresher copy the caller already has (a mutation's reply). */
  setData: (data: T) => void;
}

/** Runs `load` when the page opens and whenever `deps` change; a stale answer never overwrites a newer one. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });

  useEffect(() => {
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `deps` say when it means something new.
  }, deps);

  const setData = useCallback((data: T) => setState({ data, loading: false }), []);
  return { data: state.data, error: state.error, loading: state.loading, setData };
}

import { useState } from "react";

interface Action<T> {
  /** Runs one mutation named `name`; its result goes to `onDone`, its failure to `error`. */
  run: (name: string, mutation: () => Promise<T>) => Promise<void>;
  /** The name of the mutation under way, for its button's spinner. */
  pending: string | null;
  error: unknown;
}

/** The state of a form's buttons that each send one request and hand the reply on. */
export function useAction<T>(onDone: (result: T) => void): Action<T> {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (name: string, mutation: () => Promise<T>) => {
    setError(null);
    setPending(name);
    try {
      onDone(await mutation());
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };
  return { run, pending, error };
}

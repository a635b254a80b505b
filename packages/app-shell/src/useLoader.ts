import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  load: () => Promise<T>;
  generation: number;
  data: T | undefined;
  error: unknown;
}

/**
 * Runs `load` whenever it changes (wrap it in useCallback with its inputs) and keeps the newest
 * answer only, so a slow earlier request never overwrites a later one. While a newer request runs,
 * the previous data stays visible and `loading` is true.
 */
export function useLoader<T>(load: () => Promise<T>): Loaded<T> {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setSettled({ load, generation, data, error: undefined }),
      (error: unknown) => current && setSettled((s) => ({ load, generation, data: s?.data, error })),
    );
    return () => {
      current = false;
    };
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const loading = settled === null || settled.load !== load || settled.generation !== generation;
  return { data: settled?.data, error: loading ? undefined : settled.error, loading, reload };
}

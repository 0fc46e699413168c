import { useEffect, useState } from 'react';
import { requestJson } from './api';
import { errorText } from './error-text';

/** A GET's result; while a new path loads, the previous data stays on screen. */
export type Resource<T> =
  | { status: 'loading'; data?: T }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; message: string; data?: T };

/**
 * Loads `path` with `get` (the public `requestJson`, or `useAuth().api`), again whenever the path changes
 * or `reload` is called. An answer to a path the page has moved on from is dropped.
 */
export function useResource<T>(
  path: string,
  get: (path: string) => Promise<T> = requestJson,
): Resource<T> & { reload: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setResource((previous) => ({ status: 'loading', data: previous.data }));
    get(path).then(
      (data) => current && setResource({ status: 'loaded', data }),
      (error: unknown) =>
        current &&
        setResource((previous) => ({ status: 'failed', message: errorText(error), data: previous.data })),
    );
    return () => {
      current = false;
    };
    // Not on `get`: `useAuth().api` is a new function after every token renewal, and the path alone
    // names what is loaded.
  }, [path, generation]);

  return { ...resource, reload: () => setGeneration((g) => g + 1) };
}

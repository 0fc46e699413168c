import type { useAuth } from '../auth/auth-context';

interface Known {
  /** Its key in the collection's path. */
  key: string;
  /** The version it was read at: a change made since refuses this one. */
  version: number;
}

/**
 * Saves an entry of a collection kept through the API: a new one is posted to the collection with its key
 * in the body, a known one is put at its own path, on the version it was read at.
 */
export function saveEntry<T>(
  api: ReturnType<typeof useAuth>['api'],
  collection: string,
  body: object,
  entry: Known | { newKey: object },
): Promise<T> {
  return 'newKey' in entry
    ? api<T>(collection, { method: 'POST', body: { ...entry.newKey, ...body } })
    : api<T>(`${collection}/${encodeURIComponent(entry.key)}`, {
        method: 'PUT',
        body,
        ifMatch: `"${entry.version}"`,
      });
}

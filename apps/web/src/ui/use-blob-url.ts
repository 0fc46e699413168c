import { useEffect, useState } from 'react';
import { failureOf } from '../api';
import { useAuth } from '../auth/auth-context';

/**
 * The bytes at `path` as a URL the page can show. They need the access token, so they are fetched and handed
 * to the page as a blob rather than linked; the URL is let go when the component leaves or `path` changes.
 * Nothing is fetched while `path` is undefined.
 */
export function useBlobUrl(path: string | undefined): { url?: string; error?: unknown } {
  const { authorizedFetch } = useAuth();
  const [shown, setShown] = useState<{ url?: string; error?: unknown }>({});

  useEffect(() => {
    if (!path) return;
    let url: string | undefined;
    let current = true;
    authorizedFetch(path)
      .then(async (response) => {
        if (!response.ok) throw await failureOf(response);
        return response.blob();
      })
      .then(
        (blob) => {
          if (!current) return;
          url = URL.createObjectURL(blob);
          setShown({ url });
        },
        (error: unknown) => current && setShown({ error }),
      );
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
    // Not on `authorizedFetch`: it changes with every token renewal, and the path names the bytes.
  }, [path]);

  return shown;
}

import type { User } from '@aftersales/contracts/identity';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { jsonInit, readJson, requestJson, type RequestOptions } from '../api';

interface SignedIn {
  accessToken: string;
  user: User;
}

type AuthState =
  | { status: 'loading' }
  /** `byUser`: the user signed out here, rather than the session ending or never starting. */
  | { status: 'signed-out'; byUser?: true }
  | ({ status: 'signed-in' } & SignedIn);

interface Auth {
  state: AuthState;
  signIn(email: string, password: string): Promise<void>;
  register(email: string, password: string, displayName: string): Promise<void>;
  signOut(): Promise<void>;
  /** Calls the API as the signed-in user, refreshing the access token once when it has expired. */
  api<T>(path: string, options?: Omit<RequestOptions, 'accessToken'>): Promise<T>;
  /** The same for what is not JSON, such as uploads and downloads: a plain fetch with the access token. */
  authorizedFetch(path: string, init?: RequestInit): Promise<Response>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

/** Runs `work` while holding this browser's refresh lock, where the browser has Web Locks. */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  return navigator.locks ? navigator.locks.request('aftersales-refresh', work) : work();
}

/**
 * Keeps the access token in memory only; the refresh token lives in an httpOnly cookie, so a reload
 * restores the session through /api/auth/refresh.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const current = useRef<AuthState>(state);
  current.current = state;

  const renewal = useRef<Promise<SignedIn | undefined>>(undefined);

  // Refresh tokens rotate and presenting a used one ends the session, so calls that find their access
  // token expired at the same time (a page loading two lists, an import polling) share one renewal, and
  // tabs of one browser take turns (Web Locks): each then sends the cookie the one before it received.
  const refresh = useCallback((): Promise<SignedIn | undefined> => {
    renewal.current ??= inTurn(() => requestJson<SignedIn>('/api/auth/refresh', { method: 'POST' }))
      .then(
        (session) => {
          setState({ status: 'signed-in', ...session });
          return session;
        },
        () => {
          setState({ status: 'signed-out' });
          return undefined;
        },
      )
      .finally(() => {
        renewal.current = undefined;
      });
    return renewal.current;
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const authorizedFetch = useCallback(
    async (path: string, init: RequestInit = {}): Promise<Response> => {
      const send = (accessToken: string | undefined) => {
        const headers = new Headers(init.headers);
        if (accessToken) headers.set('authorization', `Bearer ${accessToken}`);
        return fetch(path, { credentials: 'same-origin', ...init, headers });
      };
      const signedIn = current.current;
      const response = await send(signedIn.status === 'signed-in' ? signedIn.accessToken : undefined);
      if (response.status !== 401) return response;
      const renewed = await refresh();
      return renewed ? send(renewed.accessToken) : response;
    },
    [refresh],
  );

  const auth = useMemo<Auth>(
    () => ({
      state,
      async signIn(email, password) {
        const session = await requestJson<SignedIn>('/api/auth/login', {
          method: 'POST',
          body: { email, password },
        });
        setState({ status: 'signed-in', ...session });
      },
      async register(email, password, displayName) {
        const session = await requestJson<SignedIn>('/api/auth/register', {
          method: 'POST',
          body: { email, password, displayName },
        });
        setState({ status: 'signed-in', ...session });
      },
      async signOut() {
        const signedIn = current.current;
        const accessToken = signedIn.status === 'signed-in' ? signedIn.accessToken : undefined;
        await requestJson('/api/auth/logout', { method: 'POST', accessToken }).catch(() => undefined);
        setState({ status: 'signed-out', byUser: true });
      },
      async api<T>(path: string, options: Omit<RequestOptions, 'accessToken'> = {}) {
        return readJson<T>(await authorizedFetch(path, jsonInit(options)));
      },
      authorizedFetch,
    }),
    [state, authorizedFetch],
  );

  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

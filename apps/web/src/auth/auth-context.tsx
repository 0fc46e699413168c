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
import { ApiRequestError, requestJson, type RequestOptions } from '../api';

interface SignedIn {
  accessToken: string;
  user: User;
}

type AuthState = { status: 'loading' } | { status: 'signed-out' } | ({ status: 'signed-in' } & SignedIn);

interface Auth {
  state: AuthState;
  signIn(email: string, password: string): Promise<void>;
  register(email: string, password: string, displayName: string): Promise<void>;
  signOut(): Promise<void>;
  /** Calls the API as the signed-in user, refreshing the access token once when it has expired. */
  api<T>(path: string, options?: Omit<RequestOptions, 'accessToken'>): Promise<T>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

/**
 * Keeps the access token in memory only; the refresh token lives in an httpOnly cookie, so a reload
 * restores the session through /api/auth/refresh.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const current = useRef<AuthState>(state);
  current.current = state;

  const refresh = useCallback(async (): Promise<SignedIn | undefined> => {
    try {
      const session = await requestJson<SignedIn>('/api/auth/refresh', { method: 'POST' });
      setState({ status: 'signed-in', ...session });
      return session;
    } catch {
      setState({ status: 'signed-out' });
      return undefined;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

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
        setState({ status: 'signed-out' });
      },
      async api<T>(path: string, options: Omit<RequestOptions, 'accessToken'> = {}) {
        const signedIn = current.current;
        const accessToken = signedIn.status === 'signed-in' ? signedIn.accessToken : undefined;
        try {
          return await requestJson<T>(path, { ...options, accessToken });
        } catch (error) {
          if (!(error instanceof ApiRequestError) || error.body.statusCode !== 401) throw error;
          const renewed = await refresh();
          if (!renewed) throw error;
          return requestJson<T>(path, { ...options, accessToken: renewed.accessToken });
        }
      },
    }),
    [state, refresh],
  );

  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

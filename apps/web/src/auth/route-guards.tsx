import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './auth-context';

/** Pages for signed-in users: visitors go to the sign-in page, and come back after signing in. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return null;
  if (state.status === 'signed-out') {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  return children;
}

/** The sign-in and registration pages: signed-in users land on "Start a ticket" instead. */
export function RedirectSignedIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const next = new URLSearchParams(useLocation().search).get('next');
  if (state.status === 'loading') return null;
  if (state.status === 'signed-in') return <Navigate to={next?.startsWith('/') ? next : '/'} replace />;
  return children;
}

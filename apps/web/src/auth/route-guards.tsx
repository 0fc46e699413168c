import type { Role } from '@aftersales/contracts/identity';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Pages for signed-in users: visitors go to the sign-in page, and come back after signing in. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return null;
  if (state.status === 'signed-out') {
    // Whoever signs in after a sign-out starts afresh, not on the page the last user left open.
    const next = state.byUser ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return children;
}

/**
 * Pages for one role (or a few). Someone signed in with another role who opens the URL reads why nothing is
 * shown; the API refuses them anyway.
 */
export function RequireRole({ role, children }: { role: Role | Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { state } = useAuth();
  const roles = Array.isArray(role) ? role : [role];
  if (state.status === 'signed-in' && !roles.includes(state.user.role)) {
    const named = roles.map((r) => t(`roles.${r}`)).join(t('common.listSeparator'));
    return (
      <section className="card">
        <h1>{t('access.deniedTitle')}</h1>
        <ErrorAlert>{t('access.denied', { role: named })}</ErrorAlert>
      </section>
    );
  }
  return <RequireSignIn>{children}</RequireSignIn>;
}

/** The sign-in and registration pages: signed-in users land on "Start a ticket" instead. */
export function RedirectSignedIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const next = new URLSearchParams(useLocation().search).get('next');
  if (state.status === 'loading') return null;
  if (state.status === 'signed-in')
    return <Navigate to={next && /^\/(?![/\\])/.test(next) ? next : '/'} replace />;
  return children;
}

import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiRequestError } from '../api';
import { useAuth } from './auth-context';
import { ErrorAlert } from '../ui/ErrorAlert';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
    } catch (e) {
      setError(e instanceof ApiRequestError ? authErrorText(e, t) : t('auth.failed'));
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <form className="stacked" onSubmit={submit}>
        <label htmlFor="email">{t('auth.email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">{t('auth.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error && <ErrorAlert>{error}</ErrorAlert>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
      <p className="muted">
        {t('auth.noAccount')} <Link to="/register">{t('auth.register')}</Link>
      </p>
    </section>
  );
}

/** The server's own message for what it refused, in the user's language where we know the case. */
export function authErrorText(error: ApiRequestError, t: TFunction): string {
  const { statusCode, message, details } = error.body;
  if (statusCode === 401) return t('auth.wrongCredentials');
  if (statusCode === 409) return t('auth.emailTaken');
  if (statusCode === 429) {
    const seconds = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
    return t('auth.throttled', { minutes: Math.ceil(seconds / 60) });
  }
  return message;
}

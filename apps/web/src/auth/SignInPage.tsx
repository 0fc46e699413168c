import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../error-text';
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
      setError(errorText(e));
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

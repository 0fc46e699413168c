import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from './auth-context';
import { errorText } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';

export function RegisterPage() {
  const { t } = useTranslation();
  const { register } = useAuth();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    if (password.length < 10) {
      setError(t('auth.passwordTooShort'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await register(String(form.get('email')), password, String(form.get('displayName')));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  }

  return (
    <section className="card narrow">
      <h1>{t('auth.registerTitle')}</h1>
      <form className="stacked" onSubmit={submit}>
        <label htmlFor="displayName">{t('auth.displayName')}</label>
        <input id="displayName" name="displayName" autoComplete="name" required maxLength={100} />
        <label htmlFor="email">{t('auth.email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">{t('auth.password')}</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required />
        <p className="muted small">{t('auth.passwordHint')}</p>
        {error && <ErrorAlert>{error}</ErrorAlert>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.registering') : t('auth.register')}
        </button>
      </form>
      <p className="muted">
        {t('auth.haveAccount')} <Link to="/sign-in">{t('auth.signIn')}</Link>
      </p>
    </section>
  );
}

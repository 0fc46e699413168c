import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { switchLanguage } from '../i18n';

export function TopBar() {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  return (
    <header className="topbar">
      <span className="brand">{t('app.title')}</span>
      <nav>{state.status === 'signed-in' && <NavLink to="/">{t('nav.startTicket')}</NavLink>}</nav>
      <button
        type="button"
        className="link"
        onClick={() => switchLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
      >
        {t('app.language')}
      </button>
      {state.status === 'signed-in' && <UserMenu name={state.user.displayName} email={state.user.email} />}
    </header>
  );
}

/** The top-right personal menu of the manual, with sign-out. */
function UserMenu({ name, email }: { name: string; email: string }) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <div className="user-menu">
      <button
        type="button"
        className="link"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {name} ▾
      </button>
      {open && (
        <div role="menu" className="menu">
          <p className="muted small">{email}</p>
          <button
            type="button"
            role="menuitem"
            onClick={async () => {
              await signOut();
              navigate('/sign-in', { replace: true });
            }}
          >
            {t('auth.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}

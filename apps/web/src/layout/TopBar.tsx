import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { switchLanguage } from '../i18n';

export function TopBar() {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const role = state.status === 'signed-in' ? state.user.role : undefined;
  // On a phone the menu items fold behind one button; going anywhere folds them again.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <header className="topbar">
      <span className="brand">{t('app.title')}</span>
      <button
        type="button"
        className="link menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="main-menu"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        ☰ {t('nav.menu')}
      </button>
      <nav id="main-menu" className={menuOpen ? 'open' : undefined}>
        {state.status === 'signed-in' && (
          <NavLink to="/" end>
            {t('nav.startTicket')}
          </NavLink>
        )}
        {role === 'customer' && <NavLink to="/tickets">{t('nav.myTickets')}</NavLink>}
        {role === 'agent' && <NavLink to="/agent">{t('nav.agentConsole')}</NavLink>}
        {role === 'engineer' && <NavLink to="/repair-point">{t('nav.repairPointConsole')}</NavLink>}
        {role === 'agent' && <NavLink to="/canned-replies">{t('nav.cannedReplies')}</NavLink>}
        <NavLink to="/repair-points">{t('nav.repairPoints')}</NavLink>
        <NavLink to="/guides">{t('nav.guides')}</NavLink>
        {role === 'admin' && <AdminLinks />}
      </nav>
      <button
        type="button"
        className="link"
        onClick={() => switchLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
      >
        {t('app.language')}
      </button>
      {state.status === 'signed-in' && <UserMenu name={state.user.displayName} email={state.user.email} />}
      {state.status === 'signed-out' && <NavLink to="/sign-in">{t('auth.signIn')}</NavLink>}
    </header>
  );
}

/** The operator's consoles; the pages check the role again, for those who type the URL. */
function AdminLinks() {
  const { t } = useTranslation();
  return (
    <>
      <NavLink to="/admin/repair-points">{t('nav.adminRepairPoints')}</NavLink>
      <NavLink to="/admin/warranty-policies">{t('nav.adminPolicies')}</NavLink>
      <NavLink to="/admin/device-imports">{t('nav.adminImports')}</NavLink>
      <NavLink to="/admin/users">{t('nav.adminUsers')}</NavLink>
      <NavLink to="/admin/api-keys">{t('nav.adminKeys')}</NavLink>
      <NavLink to="/admin/carriers">{t('nav.adminCarriers')}</NavLink>
      <NavLink to="/admin/audit">{t('nav.adminAudit')}</NavLink>
    </>
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
          <Link role="menuitem" to="/account/sessions" onClick={() => setOpen(false)}>
            {t('sessions.menu')}
          </Link>
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

import { useTranslation } from 'react-i18next';
import { switchLanguage } from './i18n';
import { WarrantyLookupPage } from './warranty/WarrantyLookupPage';

export function App() {
  const { t, i18n } = useTranslation();
  return (
    <>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav>
          <a className="active" href="/">
            {t('nav.startTicket')}
          </a>
        </nav>
        <button
          type="button"
          className="link"
          onClick={() => switchLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
        >
          {t('app.language')}
        </button>
      </header>
      <main>
        <WarrantyLookupPage />
      </main>
    </>
  );
}

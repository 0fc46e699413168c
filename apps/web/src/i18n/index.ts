import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'aftersales.language';

/** The browser's first preference on a first visit: any Chinese reads Chinese, anything else English. */
function browserLanguage(): Language {
  const preferred = navigator.languages[0] ?? navigator.language;
  if (!preferred) return 'zh-CN';
  return preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language the user chose with the toggle, remembered across visits; else the browser's. */
function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return languages.find((l) => l === saved) ?? browserLanguage();
}

export function switchLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export default i18n;

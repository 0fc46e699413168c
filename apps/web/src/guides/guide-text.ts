import type { GuideLanguage, LocalizedText } from '@aftersales/contracts/consultation';

/** The words in the reader's language; a guide always has both. */
export function inLanguage(text: LocalizedText, language: string): string {
  return text[(language === 'en' ? 'en' : 'zh-CN') satisfies GuideLanguage];
}

import i18n from '../i18n';

/** A moment as the reader's language writes dates and times. */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
}

export function date(iso: string): string {
  return new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
}

import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A diagnosis code: 8 characters from 62, from the operating system's random source, so that about 2 × 10¹⁴
 * codes make guessing one that exists hopeless. The read model's unique index catches the rare repeat.
 */
export function newDiagnosisCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** The number people quote on the phone: the id's first 12 hex digits, random in a UUID v4. */
export function consultationNumber(consultationId: string): string {
  return `C${consultationId.replaceAll('-', '').slice(0, 12).toUpperCase()}`;
}

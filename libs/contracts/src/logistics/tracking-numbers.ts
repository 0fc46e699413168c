/**
 * Tracking-number rules, the same in the browser and the server: each carrier's pattern, and for the
 * carriers that define one, its check digit.
 */
export const checkDigitSchemes = ['upu_s10', 'mod7', 'fedex_12', 'ups_1z'] as const;
export type CheckDigitScheme = (typeof checkDigitSchemes)[number];

const digits = (text: string) => [...text].map(Number);

/** The Universal Postal Union's S10 (EMS, China Post): `EA123456785CN`, weights 8 6 4 2 3 5 9 7. */
function upuS10(number: string): boolean {
  const match = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(number);
  // Only numbers in the S10 shape carry its check digit; a domestic 13-digit number has none.
  if (!match) return true;
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = digits(match[1]!).reduce((total, d, i) => total + d * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return (check === 10 ? 0 : check === 11 ? 5 : check) === Number(match[2]);
}

/** DHL Express's ten digits: the last is the first nine, as a number, modulo 7. */
function mod7(number: string): boolean {
  return Number(number.slice(0, -1)) % 7 === Number(number.slice(-1));
}

/** FedEx Express's twelve digits: weights 1 3 7 from the right over the first eleven, modulo 11, then 10. */
function fedex12(number: string): boolean {
  const weights = [1, 3, 7];
  const sum = digits(number.slice(0, 11))
    .reverse()
    .reduce((total, d, i) => total + d * weights[i % 3]!, 0);
  return (sum % 11) % 10 === Number(number.slice(-1));
}

/** UPS `1Z`: fifteen characters (letters as `(code - 3) mod 10`), every second doubled, then to ten. */
function ups1z(number: string): boolean {
  const values = [...number.slice(2, 17)].map((c) => (/\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10));
  const sum = values.reduce((total, v, i) => total + (i % 2 === 1 ? 2 * v : v), 0);
  return (10 - (sum % 10)) % 10 === Number(number.slice(-1));
}

const schemes: Record<CheckDigitScheme, (number: string) => boolean> = {
  upu_s10: upuS10,
  mod7,
  fedex_12: fedex12,
  ups_1z: ups1z,
};

/** How a number is written for comparison: without spaces, in capitals. */
export function normalizeTrackingNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export interface TrackingRule {
  pattern: string;
  checkDigit?: CheckDigitScheme;
}

export type TrackingNumberProblem = 'format' | 'check_digit';

/** Why a number cannot be the carrier's, or nothing when it fits. */
export function trackingNumberProblem(rule: TrackingRule, raw: string): TrackingNumberProblem | undefined {
  const number = normalizeTrackingNumber(raw);
  if (!new RegExp(`^(?:${rule.pattern})$`).test(number)) return 'format';
  if (rule.checkDigit && !schemes[rule.checkDigit](number)) return 'check_digit';
  return undefined;
}

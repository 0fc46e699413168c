import type { DiagnosedFault, ReplacedPart, TestResult } from '@aftersales/contracts/repair-orders';
import i18n from '../i18n';

/** A diagnosed fault in one line: the part and where it sits, the faulty chips, the code and the note. */
export function faultText({ component, position, chips, code, note }: DiagnosedFault): string {
  const t = i18n.t.bind(i18n);
  const parts = [
    position === undefined
      ? t(`faults.components.${component}`)
      : t('faults.atPosition', { component: t(`faults.components.${component}`), position }),
    chips && chips.length > 0 ? t('faults.chips', { chips: chips.join(', ') }) : undefined,
    code ? t('faults.code', { code }) : undefined,
    note,
  ];
  return parts.filter((p) => p !== undefined && p !== '').join(t('faults.separator'));
}

export function partText({ part, quantity }: ReplacedPart): string {
  return i18n.t('faults.part', { part, quantity });
}

export function testText({ passed, burnInHours, hashrate }: TestResult): string {
  const t = i18n.t.bind(i18n);
  return [
    passed ? t('faults.testPassed') : t('faults.testFailed'),
    burnInHours === undefined ? undefined : t('faults.burnIn', { hours: burnInHours }),
    hashrate ? t('faults.hashrate', { hashrate }) : undefined,
  ]
    .filter((p) => p !== undefined)
    .join(t('faults.separator'));
}

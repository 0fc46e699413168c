/** A registered machine; dates are calendar days, `YYYY-MM-DD`. */
export interface Device {
  sn: string;
  model: string;
  shippedOn: string;
}

export interface Extension {
  months: number;
  reason: string;
  grantedAt: string;
}

/** What a model without a policy of its own gets. */
export const STANDARD_WARRANTY_MONTHS = 12;

/** Why a machine's warranty ends when it does: the model's policy plus any extensions. */
export interface WarrantyBasis {
  policyMonths: number;
  extensions: Extension[];
}

export interface WarrantyStatus extends Device {
  warrantyEndsOn: string;
  inWarranty: boolean;
  basis: WarrantyBasis;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day `months` later; a day the target month lacks becomes its last day, so 31 January plus one
 * month is 28 (or 29) February, and 29 February plus twelve months is 28 February.
 */
export function addMonths(day: string, months: number): string {
  const match = DAY.exec(day);
  if (!match) throw new Error(`Not a calendar day: ${day}`);
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const date = Math.min(Number(match[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** The last day of warranty: shipment plus the policy's months plus every extension's. */
export function warrantyEndsOn(shippedOn: string, basis: WarrantyBasis): string {
  const months = basis.extensions.reduce((sum, e) => sum + e.months, basis.policyMonths);
  return addMonths(shippedOn, months);
}

/** A machine is in warranty through the last day of its warranty, inclusive. */
export function warrantyStatus(device: Device, basis: WarrantyBasis, today: string): WarrantyStatus {
  const endsOn = warrantyEndsOn(device.shippedOn, basis);
  return { ...device, warrantyEndsOn: endsOn, inWarranty: today <= endsOn, basis };
}

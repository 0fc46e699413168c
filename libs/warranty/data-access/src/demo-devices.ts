import type { DeviceRecord } from './device.repository.js';

function shiftMonths(day: Date, months: number): string {
  const shifted = new Date(day);
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  return shifted.toISOString().slice(0, 10);
}

/**
 * The embedded mode's demo machines, dated from `today` so that the in-warranty ones stay in warranty.
 * The first two SNs are the manual's own examples.
 */
export function demoDevices(today: Date): DeviceRecord[] {
  const device = (sn: string, model: string, shippedMonthsAgo: number, warrantyMonths: number) => ({
    sn,
    model,
    shippedOn: shiftMonths(today, -shippedMonthsAgo),
    warrantyEndsOn: shiftMonths(today, warrantyMonths - shippedMonthsAgo),
  });
  return [
    device('ZH10014510045', 'VolcMiner D1', 5, 12),
    device('ZH21315080006', 'VolcMiner D1', 30, 12),
    device('ZH21315080007', 'VolcMiner D1 Lite', 2, 12),
    device('ZH30022010001', 'VolcMiner D1 Mini', 11, 12),
    device('ZH30022010002', 'VolcMiner D1 Mini', 14, 12),
    device('ZH40051230009', 'VolcMiner D1 Hydro', 1, 24),
  ];
}

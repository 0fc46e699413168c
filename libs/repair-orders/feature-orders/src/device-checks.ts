import type { BatchLookupResult } from '@aftersales/contracts/warranty';
import type { DeviceCheck } from '@aftersales/contracts/repair-orders';

/**
 * What keeps each machine off a mail-in form, read from the warranty service's answers and the lines
 * that hold machines in other orders: one check per input, in the order the customer gave them.
 */
export function checkDevices(
  results: readonly BatchLookupResult[],
  heldElsewhere: ReadonlyMap<string, string>,
): DeviceCheck[] {
  const seen = new Set<string>();
  return results.map((result): DeviceCheck => {
    if (result.status === 'malformed') return { input: result.input, problem: 'malformed' };
    const { input, sn } = result;
    if (seen.has(sn)) return { input, sn, problem: 'duplicate' };
    seen.add(sn);
    if (result.status === 'unknown') return { input, sn, problem: 'unknown' };
    const { model } = result.warranty;
    if (!model.trim()) return { input, sn, problem: 'model_unknown' };
    if (result.status === 'out_of_warranty') return { input, sn, model, problem: 'out_of_warranty' };
    const diagnosisCode = heldElsewhere.get(sn);
    if (diagnosisCode) return { input, sn, model, problem: 'in_another_order', diagnosisCode };
    return { input, sn, model };
  });
}

import type { RepairPoint } from '@aftersales/contracts/warranty';
import { useResource } from '../use-resource';

/**
 * The official repair points, those of `near` (`CN` or `CN/Guangdong`) first: where machines are mailed
 * in, and whose names, addresses and phones the order pages show. The list is public.
 */
export function useOfficialPoints(near = 'CN') {
  return useResource<RepairPoint[]>(`/api/repair-points?kind=official&near=${encodeURIComponent(near)}`);
}

export function pointById(points: readonly RepairPoint[] | undefined, id: string | undefined) {
  return id ? points?.find((p) => p.id === id) : undefined;
}

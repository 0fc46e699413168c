import type { Consultation } from '@aftersales/contracts/consultation';
import type { TicketsPage } from '@aftersales/contracts/repair-orders';
import { useAuth } from '../auth/auth-context';
import { useResource } from '../use-resource';

export interface TicketsFilter {
  status: string;
  q: string;
  page: number;
}

/** One page of the customer's device lines (`GET /api/tickets`), filtered by status and SN or code. */
export function useTicketRows({ status, q, page }: TicketsFilter) {
  const { api } = useAuth();
  const query = new URLSearchParams({
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    page: String(page),
  });
  return useResource<TicketsPage>(`/api/tickets?${query.toString()}`, api);
}

/** The customer's consultations, which stay listed beside the repair orders they became. */
export function useConsultations() {
  const { api } = useAuth();
  return useResource<Consultation[]>('/api/consultations', api);
}

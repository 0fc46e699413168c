import type { Consultation } from '@aftersales/contracts/consultation';
import type { RepairOrder } from '@aftersales/contracts/repair-orders';
import { useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';

export type Tickets =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; consultations: Consultation[]; orders: RepairOrder[] };

/**
 * The customer's consultations, and the repair orders their conversions opened: each converted
 * consultation names its order's diagnosis code. (`GET /api/tickets` with filters and pages replaces this
 * when repair orders have their own list.)
 */
export function useTickets(): Tickets {
  const { api } = useAuth();
  const [tickets, setTickets] = useState<Tickets>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    (async () => {
      const consultations = await api<Consultation[]>('/api/consultations');
      const codes = consultations.flatMap((c) => (c.diagnosisCode ? [c.diagnosisCode] : []));
      const orders = await Promise.all(
        codes.map((code) => api<RepairOrder>(`/api/repair-orders/${encodeURIComponent(code)}`)),
      );
      return { consultations, orders };
    })().then(
      (loaded) => current && setTickets({ status: 'loaded', ...loaded }),
      (error: unknown) => current && setTickets({ status: 'failed', message: errorText(error) }),
    );
    return () => {
      current = false;
    };
    // Not on `api`: it changes with every token renewal.
  }, []);
  return tickets;
}

import type { ShipmentView } from '@aftersales/contracts/logistics';
import type { RepairOrder } from '@aftersales/contracts/repair-orders';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { newerShipments, parcelsOf } from './parcels';

/** The logistics service tracks a parcel a moment after the order names it: read again this often, then stop. */
const CATCH_UP_MS = [500, 1_000, 2_000, 4_000, 8_000];

export interface ShipmentsView {
  shipments: ShipmentView[];
  loadError?: string;
  /** Shows a shipment as a command answered it, unless a newer version is shown already. */
  keep(shipment: ShipmentView): void;
}

/**
 * The parcels of an order with their checkpoints (`GET /api/shipments`), read again whenever the order
 * changes (each change arrives live, so a delivery report shows at once), while a parcel the order names is
 * not tracked yet, and when the user comes back to the tab, for checkpoints that changed nothing on the
 * order.
 */
export function useShipments(order: RepairOrder | undefined): ShipmentsView {
  const { api } = useAuth();
  const [shipments, setShipments] = useState<ShipmentView[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const [returns, setReturns] = useState(0);
  const [catchUp, setCatchUp] = useState({ version: order?.version, attempt: 0 });

  useEffect(() => {
    const onFocus = () => setReturns((n) => n + 1);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  const diagnosisCode = order?.diagnosisCode;
  const version = order?.version;
  // A new version of the order starts the catch-up anew.
  const attempt = catchUp.version === version ? catchUp.attempt : 0;
  useEffect(() => {
    if (!order) return;
    let current = true;
    let again: ReturnType<typeof setTimeout> | undefined;
    api<ShipmentView[]>(`/api/shipments?diagnosisCode=${encodeURIComponent(order.diagnosisCode)}`).then(
      (read) => {
        if (!current) return;
        setShipments((shown) => newerShipments(shown, read));
        setLoadError(undefined);
        const wait = CATCH_UP_MS[attempt];
        if (wait !== undefined && parcelsOf(order, read).some((parcel) => !parcel.tracked)) {
          again = setTimeout(() => setCatchUp({ version: order.version, attempt: attempt + 1 }), wait);
        }
      },
      (error: unknown) => current && setLoadError(errorText(error)),
    );
    return () => {
      current = false;
      clearTimeout(again);
    };
    // The order's code and version name what is read; not on `api`, which changes with every token renewal.
  }, [diagnosisCode, version, returns, attempt]);

  const keep = useCallback(
    (next: ShipmentView) =>
      setShipments((shown) => shown.map((s) => (s.id === next.id && next.version >= s.version ? next : s))),
    [],
  );

  return { shipments, ...(loadError ? { loadError } : {}), keep };
}

import type { LiveRefusal } from '@aftersales/contracts/consultation';
import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, type RequestOptions } from '../api';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { useLive } from '../live/live-context';

type FollowAck = { ok: true; order: RepairOrderDetail } | LiveRefusal;

/** While the live socket is down, the page asks the server this often instead. */
const POLL_MS = 10_000;
/**
 * The repair-orders service opens an order from the conversion's event, a moment after the code is issued
 * (through NATS in the distributed mode): a page that asks first is told not found, and asks again after
 * each of these pauses before it believes it.
 */
const NOT_YET_OPENED_PAUSES_MS = [250, 500, 1000, 2000, 4000];

const isNotFound = (error: unknown) => error instanceof ApiRequestError && error.body.statusCode === 404;

export interface CommandOptions {
  method?: RequestOptions['method'];
  body?: unknown;
  /**
   * Whether the change applies only to the version on screen (`If-Match`): yes for what the user decided
   * on what they saw; no for a scan, which means the same whatever happened meanwhile.
   */
  onVersionShown?: boolean;
  /** Told of a refusal besides showing it, to put its details where they belong (beside a form's lines). */
  onRefusal?(error: ApiRequestError): void;
}

export interface RepairOrderView {
  order?: RepairOrderDetail;
  loadError?: string;
  /** Whether changes arrive over the live socket now. */
  live: boolean;
  busy: boolean;
  /** Why the last command failed; `changed` when the order moved on and is now shown as it is. */
  failure?: { message: string; changed: boolean };
  /** Sends a command to `path`; answers the order after it, or nothing when it was refused. */
  command(path: string, options?: CommandOptions): Promise<RepairOrderDetail | undefined>;
}

/**
 * A repair order read from `path` (the customer's or the repair point's view of it) and kept current:
 * every change arrives over the live socket (`followOrder`, then `order`), and commands answer the order
 * after them. Only a newer version replaces the one shown, whichever way it came.
 */
export function useRepairOrder(path: string, diagnosisCode: string): RepairOrderView {
  const { t } = useTranslation();
  const { api } = useAuth();
  const { socket, connected } = useLive();
  const [order, setOrder] = useState<RepairOrderDetail>();
  const [loadError, setLoadError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RepairOrderView['failure']>();

  const keep = useCallback(
    (next: RepairOrderDetail) =>
      setOrder((shown) => (!shown || next.version >= shown.version ? next : shown)),
    [],
  );

  useEffect(() => {
    let current = true;
    let again: ReturnType<typeof setTimeout> | undefined;
    const load = (attempt = 0): Promise<void> =>
      api<RepairOrderDetail>(path).then(
        (loaded) => {
          if (!current) return;
          keep(loaded);
          setLoadError(undefined);
        },
        (error: unknown) => {
          if (!current) return;
          const pause = isNotFound(error) ? NOT_YET_OPENED_PAUSES_MS[attempt] : undefined;
          if (pause === undefined) setLoadError(errorText(error));
          else again = setTimeout(() => void load(attempt + 1), pause);
        },
      );
    void load();
    const poll = connected ? undefined : setInterval(() => void load(), POLL_MS);
    return () => {
      current = false;
      clearInterval(poll);
      clearTimeout(again);
    };
    // Not on `api`: it changes with every token renewal, and the path names what is loaded.
  }, [path, connected, keep]);

  // Followed once read: a follow of an order not opened yet is refused, and would not be asked again.
  const found = order !== undefined;
  useEffect(() => {
    if (!socket || !connected || !found) return;
    const onOrder = (next: RepairOrderDetail) => {
      if (next.diagnosisCode === diagnosisCode) keep(next);
    };
    socket.on('order', onOrder);
    socket.emit('followOrder', { diagnosisCode }, (ack: FollowAck) => {
      if (ack.ok) keep(ack.order);
    });
    return () => {
      socket.off('order', onOrder);
      socket.emit('unfollowOrder', { diagnosisCode });
    };
  }, [socket, connected, found, diagnosisCode, keep]);

  async function command(commandPath: string, options: CommandOptions = {}) {
    const { method = 'POST', body, onVersionShown = true } = options;
    const request: Omit<RequestOptions, 'accessToken'> = {
      method,
      body: body ?? {},
      // The same key on a retry: a command whose answer was lost takes effect once.
      idempotencyKey: crypto.randomUUID(),
      ...(onVersionShown && order ? { ifMatch: `"${order.version}"` } : {}),
    };
    setBusy(true);
    setFailure(undefined);
    try {
      const next = await api<RepairOrderDetail>(commandPath, request).catch((error: unknown) =>
        // Not reached at all: once more, as the same command.
        error instanceof TypeError ? api<RepairOrderDetail>(commandPath, request) : Promise.reject(error),
      );
      keep(next);
      return next;
    } catch (error) {
      const current = changedMeanwhile(error);
      if (current) keep(current);
      else if (error instanceof ApiRequestError) options.onRefusal?.(error);
      setFailure({
        message: current ? t('repairOrder.changedMeanwhile') : errorText(error),
        changed: current !== undefined,
      });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return {
    ...(order ? { order } : {}),
    ...(loadError ? { loadError } : {}),
    live: connected,
    busy,
    ...(failure ? { failure } : {}),
    command,
  };
}

/** The order as it is now, which a 412 carries when the command named a version that has moved on. */
function changedMeanwhile(error: unknown): RepairOrderDetail | undefined {
  if (!(error instanceof ApiRequestError) || error.body.statusCode !== 412) return undefined;
  return (error.body.details as { current?: RepairOrderDetail } | undefined)?.current;
}

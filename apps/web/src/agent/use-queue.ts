import type { Consultation } from '@aftersales/contracts/consultation';
import { useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { useLive } from '../live/live-context';
import { placeIn } from './queue-order';

/** A live queue can still miss a push (a restart between two sockets): it is read again this often. */
const RELOAD_MS = 30_000;

const isOpen = (c: Consultation) => c.status === 'open';

/**
 * The agents' queue of open consultations and those `agentId` holds, longest waiting first: loaded over
 * HTTP, kept current by the live socket's `watchQueue`, and read again periodically and on every
 * reconnection.
 */
export function useQueue(agentId: string) {
  const { api } = useAuth();
  const { socket } = useLive();
  const [queue, setQueue] = useState<Consultation[]>();
  const [mine, setMine] = useState<Consultation[]>([]);
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([
      api<Consultation[]>('/api/consultations?status=open'),
      api<Consultation[]>('/api/consultations?status=in_progress'),
    ]).then(
      ([open, inProgress]) => {
        if (!current) return;
        setQueue(open);
        setMine(inProgress.filter((c) => c.agentId === agentId));
        setError(undefined);
      },
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
    // Not on `api`: it changes with every token renewal; `generation` says when to read again.
  }, [generation, agentId]);

  useEffect(() => {
    const timer = setInterval(() => setGeneration((g) => g + 1), RELOAD_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!socket) return;
    const watch = () => {
      socket.emit('watchQueue', {}, () => undefined);
      setGeneration((g) => g + 1);
    };
    const held = (c: Consultation) => c.status === 'in_progress' && c.agentId === agentId;
    const onConsultation = (changed: Consultation) => {
      setQueue((q) => q && placeIn(q, changed, isOpen));
      setMine((m) => placeIn(m, changed, held));
    };
    socket.on('connect', watch);
    socket.on('consultation', onConsultation);
    if (socket.connected) watch();
    return () => {
      socket.off('connect', watch);
      socket.off('consultation', onConsultation);
    };
  }, [socket, agentId]);

  return { queue, mine, error, reload: () => setGeneration((g) => g + 1) };
}

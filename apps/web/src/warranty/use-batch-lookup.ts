import {
  type BatchLookupReply,
  type BatchLookupResult,
  MAX_BATCH_LOOKUP,
} from '@aftersales/contracts/warranty';
import { useState } from 'react';
import { errorText } from '../error-text';
import { useAuth } from '../auth/auth-context';

export type BatchState =
  | { kind: 'idle' }
  | { kind: 'empty' }
  | { kind: 'too-many'; count: number }
  | { kind: 'loading'; count: number }
  | { kind: 'done'; results: BatchLookupResult[] }
  | { kind: 'failed'; message: string };

export function useBatchLookup() {
  const { api } = useAuth();
  const [state, setState] = useState<BatchState>({ kind: 'idle' });

  async function lookUp(sns: string[]): Promise<void> {
    if (sns.length === 0) return setState({ kind: 'empty' });
    // The server would refuse the whole batch with a 400; here the customer learns how many to remove.
    if (sns.length > MAX_BATCH_LOOKUP) return setState({ kind: 'too-many', count: sns.length });
    setState({ kind: 'loading', count: sns.length });
    try {
      const reply = await api<BatchLookupReply>('/api/warranty/lookups', { method: 'POST', body: { sns } });
      setState({ kind: 'done', results: reply.results });
    } catch (error) {
      setState({ kind: 'failed', message: errorText(error) });
    }
  }

  return { state, lookUp };
}

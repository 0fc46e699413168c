import { serialNumberSchema, type WarrantyLookupReply } from '@aftersales/contracts/warranty';
import { useState } from 'react';
import { ApiRequestError } from '../api';
import { errorText } from '../error-text';
import { useAuth } from '../auth/auth-context';

export type LookupState =
  | { kind: 'idle' }
  | { kind: 'invalid' }
  | { kind: 'loading'; sn: string }
  | { kind: 'found'; warranty: WarrantyLookupReply }
  | { kind: 'not-found'; sn: string }
  | { kind: 'failed'; message: string };

export function useWarrantyLookup() {
  const { api } = useAuth();
  const [state, setState] = useState<LookupState>({ kind: 'idle' });

  async function lookUp(input: string): Promise<void> {
    const parsed = serialNumberSchema.safeParse(input);
    if (!parsed.success) {
      setState({ kind: 'invalid' });
      return;
    }
    const sn = parsed.data;
    setState({ kind: 'loading', sn });
    try {
      const warranty = await api<WarrantyLookupReply>(`/api/warranty/${encodeURIComponent(sn)}`);
      setState({ kind: 'found', warranty });
    } catch (error) {
      if (error instanceof ApiRequestError && error.body.statusCode === 404) {
        setState({ kind: 'not-found', sn });
      } else {
        setState({ kind: 'failed', message: errorText(error) });
      }
    }
  }

  return { state, lookUp };
}

import type { Carrier } from '@aftersales/contracts/logistics';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestJson } from '../api';
import { errorText } from '../error-text';

/**
 * The carriers on offer (`GET /api/carriers`), read once per visit: every form, table and timeline that
 * names a carrier shares them.
 */
let request: Promise<Carrier[]> | undefined;
let known: Carrier[] | undefined;

function loadCarriers(): Promise<Carrier[]> {
  request ??= requestJson<Carrier[]>('/api/carriers').then(
    (carriers) => (known = carriers),
    (error: unknown) => {
      // The next page that asks tries again.
      request = undefined;
      throw error;
    },
  );
  return request;
}

/** After an admin changed the list, the pages read it anew. */
export function forgetCarriers(): void {
  request = undefined;
  known = undefined;
}

export interface OfferedCarriers {
  /** Empty until loaded, or when they cannot be: then only "another carrier" is offered. */
  carriers: Carrier[];
  failure?: string;
}

export function useCarriers(): OfferedCarriers {
  const [offered, setOffered] = useState<OfferedCarriers>(() => ({ carriers: known ?? [] }));
  useEffect(() => {
    let current = true;
    loadCarriers().then(
      (carriers) => current && setOffered({ carriers }),
      (error: unknown) => current && setOffered({ carriers: [], failure: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, []);
  return offered;
}

export function carrierNameIn(carrier: Pick<Carrier, 'nameZh' | 'nameEn'>, language: string): string {
  return language === 'en' ? carrier.nameEn : carrier.nameZh;
}

/** A carrier as people call it: a listed one by its name in their language, any other as it was typed. */
export function useCarrierName(): (carrier: string) => string {
  const { i18n } = useTranslation();
  const { carriers } = useCarriers();
  return (code) => {
    const listed = carriers.find((carrier) => carrier.code === code);
    return listed ? carrierNameIn(listed, i18n.language) : code;
  };
}

/** The carrier's public tracking page for this number. */
export function trackingLinkOf(carrier: Pick<Carrier, 'trackingUrl'>, trackingNumber: string): string {
  return carrier.trackingUrl.replaceAll('{number}', encodeURIComponent(trackingNumber));
}

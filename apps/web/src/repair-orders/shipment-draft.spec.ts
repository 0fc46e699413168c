import { describe, expect, it } from '@jest/globals';
import type { Carrier } from '@aftersales/contracts/logistics';
import { draftOf, shipmentOf } from './shipment-draft';

const carrier = (code: string, pattern: string, checkDigit?: Carrier['checkDigit']): Carrier => ({
  code,
  nameZh: code,
  nameEn: code,
  pattern,
  ...(checkDigit ? { checkDigit } : {}),
  trackingUrl: `https://track.example/${code}?n={number}`,
  active: true,
  version: 1,
});
const carriers = [carrier('sf-express', 'SF\\d{13}|\\d{12}'), carrier('dhl', '\\d{10}', 'mod7')];
const draft = (carrierCode: string, trackingNumber: string, otherCarrier = '') => ({
  carrier: carrierCode,
  otherCarrier,
  trackingNumber,
});

describe('the parcel fields', () => {
  it('start a new parcel with no carrier chosen, and send none until one is', () => {
    const fresh = { ...draftOf(undefined, carriers), trackingNumber: 'SF1234567890123' };
    expect(fresh.carrier).toBe('');
    expect(shipmentOf(fresh, carriers)).toMatchObject({ ok: false, problems: { carrier: 'missing' } });
  });

  it('show a parcel entered before with its carrier, or its free-text name when it is not on the list', () => {
    expect(draftOf({ carrier: 'dhl', trackingNumber: '1234567891' }, carriers)).toEqual(
      draft('dhl', '1234567891'),
    );
    expect(draftOf({ carrier: 'Lalamove', trackingNumber: 'LLM-2026-01' }, carriers)).toEqual(
      draft('other', 'LLM-2026-01', 'Lalamove'),
    );
  });

  it('send a number as the server compares it: without spaces, in capitals', () => {
    expect(shipmentOf(draft('sf-express', ' sf 1234 5678 90123 '), carriers)).toMatchObject({
      ok: true,
      shipment: { carrier: 'sf-express', trackingNumber: 'SF1234567890123' },
    });
  });

  it('refuse a number that does not fit its carrier, naming format and check digit apart', () => {
    expect(shipmentOf(draft('sf-express', 'SF12345'), carriers)).toMatchObject({
      ok: false,
      problems: { trackingNumber: 'format' },
    });
    expect(shipmentOf(draft('dhl', '1234567890'), carriers)).toMatchObject({
      ok: false,
      problems: { trackingNumber: 'check_digit' },
    });
  });

  it('take any plausible number for another carrier, whose name must be given', () => {
    expect(shipmentOf(draft('other', 'LLM-2026-01', ' Lalamove '), carriers)).toMatchObject({
      ok: true,
      shipment: { carrier: 'Lalamove', trackingNumber: 'LLM-2026-01' },
    });
    expect(shipmentOf(draft('other', 'LLM-2026-01'), carriers)).toMatchObject({
      ok: false,
      problems: { carrier: 'missing' },
    });
  });

  it('tell a missing number from one no carrier could have', () => {
    expect(shipmentOf(draft('sf-express', '  '), carriers)).toMatchObject({
      problems: { trackingNumber: 'missing' },
    });
    expect(shipmentOf(draft('other', 'ab', 'Lalamove'), carriers)).toMatchObject({
      problems: { trackingNumber: 'invalid' },
    });
  });
});

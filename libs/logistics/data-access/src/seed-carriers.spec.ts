import { describe, expect, it } from '@jest/globals';
import { trackingNumberProblem } from '@aftersales/contracts/logistics';
import { seedCarriers } from './seed-carriers.js';

/**
 * Numbers of each seeded carrier, written by hand: valid ones, one of the wrong shape, and where the
 * carrier has a check digit, one whose last digit is wrong. Check digits worked out on paper:
 * EMS RA123456785CN: 1·8+2·6+3·4+4·2+5·3+6·5+7·9+8·7 = 204, 11 − 204 mod 11 = 5.
 * DHL 1234567891: 123456789 mod 7 = 1.
 * FedEx 986578788855: the first eleven weighted 1 3 7 from the right sum to 269, 269 mod 11 = 5.
 * UPS 1Z999AA10123456784: the fifteen (A = 2) with every second doubled sum to 96, 10 − 6 = 4.
 */
const cases: Record<string, { valid: string[]; wrongShape: string; wrongCheckDigit?: string }> = {
  'sf-express': { valid: ['SF1234567890123', 'sf 1234 5678 9012 3', '123456789012'], wrongShape: 'SF12345' },
  'jd-logistics': { valid: ['JDVA00000000001', 'JDX012345678901'], wrongShape: 'JD123' },
  ems: {
    valid: ['RA123456785CN', 'EA123456785CN', '1234567890123'],
    wrongShape: 'RA12345678CN',
    wrongCheckDigit: 'RA123456784CN',
  },
  zto: { valid: ['75123456789012', '731234567890'], wrongShape: 'ZTO123456789' },
  yto: { valid: ['YT1234567890123'], wrongShape: 'YT12345' },
  sto: { valid: ['773012345678901'], wrongShape: '77301' },
  yunda: { valid: ['4312345678901'], wrongShape: '43123456' },
  deppon: { valid: ['DPK123456789012', '1234567890'], wrongShape: 'DPK12' },
  dhl: { valid: ['1234567891'], wrongShape: '123456789', wrongCheckDigit: '1234567890' },
  fedex: { valid: ['986578788855'], wrongShape: '98657878885', wrongCheckDigit: '986578788856' },
  ups: {
    valid: ['1Z999AA10123456784', '1z999aa10123456784'],
    wrongShape: '1Z999AA1012345678',
    wrongCheckDigit: '1Z999AA10123456785',
  },
};

describe('the seeded carriers’ tracking-number rules', () => {
  it('has a reviewed set of numbers for every seeded carrier', () => {
    expect(seedCarriers.map((c) => c.code).sort()).toEqual(Object.keys(cases).sort());
  });

  describe.each(seedCarriers.map(({ code, carrier }) => [code, carrier] as const))('%s', (code, carrier) => {
    const { valid, wrongShape, wrongCheckDigit } = cases[code]!;

    it.each(valid)('takes %s', (number) => {
      expect(trackingNumberProblem(carrier, number)).toBeUndefined();
    });

    it(`refuses ${wrongShape} for its shape`, () => {
      expect(trackingNumberProblem(carrier, wrongShape)).toBe('format');
    });

    if (wrongCheckDigit) {
      it(`refuses ${wrongCheckDigit} for its check digit`, () => {
        expect(trackingNumberProblem(carrier, wrongCheckDigit)).toBe('check_digit');
      });
    }
  });
});

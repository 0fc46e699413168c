import { describe, expect, it } from '@jest/globals';
import { addMonths, warrantyEndsOn, warrantyStatus } from './warranty.js';

const device = { sn: 'ZH10014510045', model: 'VolcMiner D1', shippedOn: '2025-06-18' };
const policy = { policyMonths: 12, extensions: [] };

describe('month arithmetic', () => {
  it.each([
    ['2025-06-18', 12, '2026-06-18'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', 6, '2025-09-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-08-31', 18, '2027-02-28'],
  ])('%s plus %i months is %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it('refuses what is not a calendar day', () => {
    expect(() => addMonths('2025/06/18', 1)).toThrow('Not a calendar day: 2025/06/18');
  });
});

describe('warranty end date', () => {
  it('is the shipment day plus the policy months', () => {
    expect(warrantyEndsOn('2025-06-18', policy)).toBe('2026-06-18');
  });

  it('adds every extension to the policy', () => {
    const basis = {
      policyMonths: 12,
      extensions: [
        { months: 3, reason: 'firmware recall', grantedAt: '2026-01-01T00:00:00.000Z' },
        { months: 1, reason: 'late delivery', grantedAt: '2026-02-01T00:00:00.000Z' },
      ],
    };
    expect(warrantyEndsOn('2025-01-31', basis)).toBe('2026-05-31');
  });

  it('computes from the sum of months, not step by step through short months', () => {
    const basis = {
      policyMonths: 1,
      extensions: [{ months: 1, reason: 'goodwill', grantedAt: '2025-01-01' }],
    };
    expect(warrantyEndsOn('2025-01-31', basis)).toBe('2025-03-31');
  });
});

describe('warranty status', () => {
  it('is in warranty before the end date', () => {
    expect(warrantyStatus(device, policy, '2026-01-01').inWarranty).toBe(true);
  });

  it('is still in warranty on the end date itself', () => {
    expect(warrantyStatus(device, policy, '2026-06-18').inWarranty).toBe(true);
  });

  it('is out of warranty the day after the end date, and says why it ended then', () => {
    expect(warrantyStatus(device, policy, '2026-06-19')).toEqual({
      ...device,
      warrantyEndsOn: '2026-06-18',
      inWarranty: false,
      basis: policy,
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import { warrantyStatus } from './warranty.js';

const device = {
  sn: 'ZH10014510045',
  model: 'VolcMiner D1',
  shippedOn: '2025-06-18',
  warrantyEndsOn: '2026-06-18',
};

describe('warranty status', () => {
  it('is in warranty before the end date', () => {
    expect(warrantyStatus(device, '2026-01-01').inWarranty).toBe(true);
  });

  it('is still in warranty on the end date itself', () => {
    expect(warrantyStatus(device, '2026-06-18').inWarranty).toBe(true);
  });

  it('is out of warranty the day after the end date', () => {
    expect(warrantyStatus(device, '2026-06-19')).toEqual({ ...device, inWarranty: false });
  });
});

import { describe, expect, it } from '@jest/globals';
import { nearestFirst, parsePlace } from './service-network.js';

const points = [
  { id: 'us', country: 'US', region: 'Texas' },
  { id: 'chengdu', country: 'CN', region: 'Sichuan' },
  { id: 'shenzhen', country: 'CN', region: 'Guangdong' },
  { id: 'dubai', country: 'AE', region: 'Dubai' },
];

describe('nearest repair points', () => {
  it('lists the region first, then the country, then the rest in their order', () => {
    expect(nearestFirst(points, parsePlace('cn/guangdong')).map((p) => p.id)).toEqual([
      'shenzhen',
      'chengdu',
      'us',
      'dubai',
    ]);
  });

  it('puts the country first when no region is known', () => {
    expect(nearestFirst(points, parsePlace('AE')).map((p) => p.id)).toEqual([
      'dubai',
      'us',
      'chengdu',
      'shenzhen',
    ]);
  });

  it('keeps the order when nothing is known', () => {
    expect(nearestFirst(points, parsePlace(undefined))).toEqual(points);
  });
});

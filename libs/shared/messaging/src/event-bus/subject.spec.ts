import { describe, expect, it } from '@jest/globals';
import { subjectMatches } from './event-bus.js';

describe('subject filters', () => {
  it.each([
    ['aftersales.warranty.>', 'aftersales.warranty.RepairPointAdded', true],
    ['aftersales.warranty.>', 'aftersales.warranty', false],
    ['aftersales.*.RepairPointAdded', 'aftersales.warranty.RepairPointAdded', true],
    ['aftersales.warranty.RepairPointAdded', 'aftersales.warranty.RepairPointAdded', true],
    ['aftersales.warranty.RepairPointAdded', 'aftersales.warranty.RepairPointRemoved', false],
    ['aftersales.warranty.*', 'aftersales.warranty.a.b', false],
  ])('%s matches %s: %s', (filter, subject, expected) => {
    expect(subjectMatches(filter, subject)).toBe(expected);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { describeDevice } from './describe-device';

const t = ((key: string) => key) as unknown as TFunction;

describe('the name of the device a session came from', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
      'Edge · Windows',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Safari · iOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      'Chrome · Android',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0',
      'Firefox · macOS',
    ],
    ['curl/8.5.0', 'sessions.unknownDevice'],
    [undefined, 'sessions.unknownDevice'],
  ])('names %s as %s', (userAgent, name) => {
    expect(describeDevice(userAgent, t)).toBe(name);
  });
});

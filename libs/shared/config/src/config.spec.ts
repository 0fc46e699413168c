import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives a fresh machine the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      PORT: 3000,
      DATA_DIR: './data',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/aftersales',
      NATS_URL: 'nats://127.0.0.1:4222',
      COOKIE_SECURE: false,
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/srv/aftersales', BUS_NAMESPACE: 'staging' });
    expect(config).toMatchObject({ PORT: 8080, DATA_DIR: '/srv/aftersales', BUS_NAMESPACE: 'staging' });
  });

  it('names every variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' })).toThrow(
      /PORT: .*; DATABASE_URL: /,
    );
  });
});

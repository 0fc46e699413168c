import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives a fresh machine the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      PORT: 3000,
      HEALTH_PORT: 0,
      METRICS_PORT: 0,
      JETSTREAM_REPLICAS: 1,
      DATA_DIR: './data',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/aftersales',
      NATS_URL: 'nats://127.0.0.1:4222',
      LOG_FORMAT: 'pretty',
      LOG_LEVEL: 'log',
      COOKIE_SECURE: false,
      RATE_LIMIT_REGISTRATION: { max: 10, windowMs: 3_600_000 },
      RATE_LIMIT_SIGN_IN: { max: 20, windowMs: 600_000 },
      RATE_LIMIT_LOOKUP: { max: 120, windowMs: 60_000 },
      RATE_LIMIT_BATCH_LOOKUP: { max: 20, windowMs: 60_000 },
      RATE_LIMIT_DEVICE_IMPORT: { max: 10, windowMs: 3_600_000 },
      IMPORT_MAX_BYTES: 67_108_864,
      IMPORT_MAX_ROWS: 1_000_000,
      ATTACHMENT_MAX_BYTES: 26_214_400,
      ATTACHMENT_TYPES: [
        'image/jpeg',
        'image/png',
        'image/gif',
        'image/webp',
        'image/heic',
        'video/mp4',
        'video/quicktime',
        'video/webm',
        'application/zip',
        'application/gzip',
        'application/x-tar',
        'application/x-7z-compressed',
        'application/x-xz',
        'application/x-bzip2',
        'text/plain',
      ],
    });
  });

  it('reads the attachment types as a list of content types', () => {
    expect(loadConfig({ ATTACHMENT_TYPES: 'image/PNG, text/plain' }).ATTACHMENT_TYPES).toEqual([
      'image/png',
      'text/plain',
    ]);
    expect(() => loadConfig({ ATTACHMENT_TYPES: 'png,log' })).toThrow(
      'ATTACHMENT_TYPES: list content types separated by commas, such as image/png,text/plain',
    );
  });

  it('reads a rate limit as requests per window', () => {
    expect(loadConfig({ RATE_LIMIT_SIGN_IN: '5/30s' }).RATE_LIMIT_SIGN_IN).toEqual({
      max: 5,
      windowMs: 30_000,
    });
    expect(() => loadConfig({ RATE_LIMIT_SIGN_IN: '5 per minute' })).toThrow(
      'RATE_LIMIT_SIGN_IN: write it as <requests>/<window>, such as 20/10m',
    );
    expect(() => loadConfig({ RATE_LIMIT_SIGN_IN: '0/1m' })).toThrow(/RATE_LIMIT_SIGN_IN/);
  });

  it('trusts the proxies it is given as addresses or CIDRs, and nothing else', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
    ]);
    for (const wrong of ['true', 'ingress.local', '10.0.0.0/33', '10.0.0.1/8/1', '']) {
      expect(() => loadConfig({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY: list addresses or CIDRs/);
    }
  });

  it('reads the environment', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/srv/aftersales', BUS_NAMESPACE: 'staging' });
    expect(config).toMatchObject({ PORT: 8080, DATA_DIR: '/srv/aftersales', BUS_NAMESPACE: 'staging' });
  });

  it('writes logs as JSON or readable lines, from the level it is given', () => {
    expect(loadConfig({ LOG_FORMAT: 'json', LOG_LEVEL: 'debug' })).toMatchObject({
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'debug',
    });
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT: .*"json"\|"pretty"/);
    expect(() => loadConfig({ LOG_LEVEL: 'info' })).toThrow(/LOG_LEVEL: /);
  });

  it('names every variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' })).toThrow(
      /PORT: .*; DATABASE_URL: /,
    );
  });
});

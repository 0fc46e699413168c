import { describe, expect, it } from '@jest/globals';
import { natsConnectionOf } from './nats-url.js';

describe('natsConnectionOf', () => {
  it('takes the user and password out of the URL, decoded', () => {
    expect(natsConnectionOf('nats://identity:p%40ss%2Fword@nats:4222')).toEqual({
      servers: ['nats://nats:4222'],
      user: 'identity',
      pass: 'p@ss/word',
    });
  });

  it('leaves a URL without credentials as it is', () => {
    expect(natsConnectionOf('nats://127.0.0.1:4222')).toEqual({ servers: ['nats://127.0.0.1:4222'] });
    expect(natsConnectionOf('tls://nats.aftersales.svc:4222')).toEqual({
      servers: ['tls://nats.aftersales.svc:4222'],
    });
  });
});

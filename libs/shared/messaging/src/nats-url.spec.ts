import { describe, expect, it } from '@jest/globals';
import { natsConnectionOf } from './nats-url.js';

describe('natsConnectionOf', () => {
  it('takes the user and password out of the URL, decoded', () => {
    expect(natsConnectionOf('nats://identity:p%40ss%2Fword@nats:4222', undefined)).toEqual({
      servers: ['nats://nats:4222'],
      user: 'identity',
      pass: 'p@ss/word',
    });
  });

  it('leaves a nats:// URL without credentials as it is, without TLS', () => {
    expect(natsConnectionOf('nats://127.0.0.1:4222', undefined)).toEqual({
      servers: ['nats://127.0.0.1:4222'],
    });
  });

  it('requires TLS for a tls:// URL, trusting the CA it is given or else the system CAs', () => {
    expect(natsConnectionOf('tls://gateway:secret@nats.aftersales.svc:4222', '/etc/nats-ca/ca.crt')).toEqual({
      servers: ['tls://nats.aftersales.svc:4222'],
      user: 'gateway',
      pass: 'secret',
      tls: { caFile: '/etc/nats-ca/ca.crt' },
    });
    expect(natsConnectionOf('tls://nats.aftersales.svc:4222', undefined)).toEqual({
      servers: ['tls://nats.aftersales.svc:4222'],
      tls: {},
    });
  });

  it('requires TLS whenever a CA is given, whatever the scheme', () => {
    expect(natsConnectionOf('nats://nats:4222', '/etc/nats-ca/ca.crt')).toEqual({
      servers: ['nats://nats:4222'],
      tls: { caFile: '/etc/nats-ca/ca.crt' },
    });
  });
});

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { correlationIdOf } from './request-telemetry.js';

const requestWith = (headers: Record<string, string | string[]>) => ({ headers }) as IncomingMessage;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the correlation id of a request', () => {
  it('is the one the client sent in X-Correlation-Id, so it can find its request in our logs', () => {
    expect(correlationIdOf(requestWith({ 'x-correlation-id': 'support-case-4711' }))).toBe(
      'support-case-4711',
    );
  });

  it('is a fresh UUID for each request that sent none', () => {
    const first = correlationIdOf(requestWith({}));
    expect(first).toMatch(uuid);
    expect(correlationIdOf(requestWith({}))).not.toBe(first);
  });

  it('is a fresh UUID in place of one that could forge or flood a log line', () => {
    for (const sent of [
      'a"b}\n{"level":"fatal',
      'short',
      'x'.repeat(101),
      'with space in it',
      ['one-of-two', 'x'],
    ]) {
      expect(correlationIdOf(requestWith({ 'x-correlation-id': sent }))).toMatch(uuid);
    }
  });
});

/**
 * The part of autocannon's programmatic API this benchmark uses. autocannon ships no types, and
 * `@types/autocannon` would be a second dev dependency for a handful of fields.
 */
declare module 'autocannon' {
  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    headers?: Record<string, string>;
    /** Seconds a request may take before it counts as a timeout. */
    timeout?: number;
  }

  export interface Histogram {
    average: number;
    total: number;
    p50: number;
    p99: number;
  }

  export interface Result {
    /** Seconds, as measured by autocannon. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Milliseconds, at 1 ms resolution. */
    latency: Histogram;
    /** Completed requests per one-second sample; `total` is all of them. */
    requests: Histogram;
  }

  export default function autocannon(options: Options): PromiseLike<Result>;
}

import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { currentCorrelationId } from './correlation.js';
import { currentTraceIds } from './spans.js';

export type LogFormat = 'json' | 'pretty';

/** Nest's levels from the most talkative to the gravest. */
export const logLevels = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const satisfies LogLevel[];

interface JsonLogOptions {
  context: string;
  logLevel: LogLevel;
  writeStreamType?: 'stdout' | 'stderr';
  errorStack?: unknown;
  params?: Record<string, unknown>;
  error?: Error;
}

/**
 * Nest's console logger, in JSON (one object a line, for a log pipeline) or in its human-readable form,
 * with what ties a line to the work it was written for: the correlation id of the user action, and the
 * trace and span ids when tracing is on. A line written outside any request (at start, by a timer) has none.
 */
export class AppLogger extends ConsoleLogger {
  constructor(format: LogFormat, lowest: LogLevel) {
    super({ json: format === 'json', logLevels: logLevels.slice(logLevels.indexOf(lowest)) });
  }

  protected override getJsonLogObject(message: unknown, options: JsonLogOptions) {
    const correlationId = currentCorrelationId();
    return {
      ...super.getJsonLogObject(message, options),
      ...(correlationId === undefined ? {} : { correlationId }),
      ...currentTraceIds(),
    };
  }

  protected override formatContext(context: string): string {
    const correlationId = currentCorrelationId();
    const formatted = super.formatContext(context);
    return correlationId === undefined ? formatted : `${formatted}(${correlationId}) `;
  }
}

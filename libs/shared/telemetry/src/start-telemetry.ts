import { Logger, type LogLevel } from '@nestjs/common';
import { AppLogger, type LogFormat } from './app-logger.js';
import { startTracing, type Tracing } from './tracing.js';

export interface TelemetryOptions {
  /** The app: the traces' `service.name`. */
  service: string;
  logFormat: LogFormat;
  /** The least grave level written. */
  logLevel: LogLevel;
}

/**
 * Sets up an app's logs and traces; call it first thing, before anything logs. Every `Logger` of the
 * process, Nest's own included, writes through the one logger from then on.
 */
export function startTelemetry(options: TelemetryOptions): Tracing {
  startLogs(options.logFormat, options.logLevel);
  return startTracing(options.service);
}

/** Logs alone, for a command-line tool (a rebuild, a benchmark): every `Logger` writes through the one logger. */
export function startLogs(format: LogFormat, lowest: LogLevel): void {
  Logger.overrideLogger(new AppLogger(format, lowest));
}

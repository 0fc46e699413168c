import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { exitOnSignals } from '@aftersales/shared-config';
import { configureGateway } from './configure-gateway.js';

export interface GatewayOptions {
  port: number;
  webRoot: string;
  /** Wiring that differs between the modes, run once the modules are initialized and before the port opens. */
  beforeListen?: (app: NestFastifyApplication) => Promise<void>;
}

/** Starts a process that serves the HTTP API and the web app, and prints the URL to open. */
export async function bootstrapGateway(rootModule: Type, options: GatewayOptions) {
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, new FastifyAdapter(), {
    bufferLogs: true,
  });
  await configureGateway(app, options.webRoot);
  await app.init();
  await options.beforeListen?.(app);
  await app.listen(options.port, '0.0.0.0');
  const { port } = app.getHttpServer().address() as { port: number };
  const logger = new Logger('aftersales');
  exitOnSignals(app, (message) => logger.log(message));
  logger.log(`Ready: open http://localhost:${port}`);
  return app;
}

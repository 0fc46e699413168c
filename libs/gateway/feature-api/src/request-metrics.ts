import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { metrics } from '@aftersales/shared-metrics';

/**
 * Times every answer of the gateway by its route's pattern (`/api/warranty/:sn`, not each SN), so the
 * histogram keeps one series a route; requests no route took share `unmatched`.
 */
export function recordRequestMetrics(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      metrics.httpRequests.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
}

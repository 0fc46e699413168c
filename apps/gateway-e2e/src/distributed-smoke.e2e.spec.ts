import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type BusApp, busApps, natsAuthorization } from '@aftersales/shared-messaging';
import {
  createTestDatabase,
  type DedicatedNats,
  type OtlpReceiver,
  startDedicatedNats,
  startOtlpReceiver,
  type RunningApp,
  type RunningProduct,
  startApp,
  startEmbedded,
  uniqueName,
  waitUntil,
} from '@aftersales/shared-testing';
import { Client, demoEmail } from './client.js';

const services = ['identity', 'warranty', 'consultation', 'repair-orders', 'logistics'] as const;

/** The value of one series in Prometheus's text exposition, or undefined when it is not there. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const scrape = async (url: string) => {
  const response = await fetch(url);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};

/**
 * Converts a consultation about the demo machine in warranty, as a customer and the demo agent would; the
 * conversion request names itself with `correlationId`, when given.
 */
async function convertOne(
  url: string,
  correlationId?: string,
): Promise<{ customer: string; diagnosisCode: string }> {
  const customer = await new Client(url).registerCustomer('metrics');
  const agent = await new Client(url).signIn(demoEmail.agent);
  const lookup = await new Client(url).call('GET', '/api/warranty/ZH10014510045', { token: customer });
  expect(lookup.status).toBe(200);
  const opened = await new Client(url).call<{ id: string }>('POST', '/api/consultations', {
    token: customer,
    body: { sn: 'ZH10014510045', text: 'metrics' },
  });
  expect(opened.status).toBe(201);
  const { id } = opened.body;
  expect((await new Client(url).call('POST', `/api/consultations/${id}/take`, { token: agent })).status).toBe(
    200,
  );
  const converted = await new Client(url).call<{ diagnosisCode: string }>(
    'POST',
    `/api/consultations/${id}/convert`,
    {
      token: agent,
      headers: correlationId ? { 'x-correlation-id': correlationId } : {},
    },
  );
  expect(converted.status).toBe(200);
  if (correlationId) expect(converted.headers.get('x-correlation-id')).toBe(correlationId);
  return { customer, diagnosisCode: converted.body.diagnosisCode };
}

/** An app's output as the JSON objects it wrote, one a line; a line that is not one fails the test. */
function jsonLines(app: RunningApp): Record<string, unknown>[] {
  return app
    .output()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`Not a JSON log line: ${line}`);
      }
    });
}

const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

/**
 * The distributed smoke test: every app its own process over NATS and PostgreSQL, each connecting as its own
 * NATS user with only its permissions, two gateway replicas, the steps that exist from a lookup to a repair
 * order, the metrics, and a clean stop.
 */
describe('the distributed apps on a locked-down bus, with two gateways', () => {
  const apps = new Map<string, RunningApp>();
  let nats: DedicatedNats;
  let collector: OtlpReceiver;
  /** The conversion's own correlation id, which the test sends with it. */
  const correlationId = `smoke-${randomUUID()}`;
  /** The order the first conversion opened, through the first gateway. */
  let converted: { customer: string; diagnosisCode: string };

  beforeAll(async () => {
    const namespace = uniqueName('smoke');
    const passwords = Object.fromEntries(busApps.map((app) => [app, randomUUID()])) as Record<BusApp, string>;
    nats = await startDedicatedNats({ configuration: natsAuthorization(passwords, namespace) });
    collector = await startOtlpReceiver();
    /** The app's own NATS user, in its URL, as its Secret gives it. */
    const natsUrlOf = (app: BusApp) => {
      const url = new URL(nats.url);
      url.username = app;
      url.password = passwords[app];
      return url.toString();
    };
    const env = {
      DATABASE_URL: await createTestDatabase('smoke'),
      BUS_NAMESPACE: namespace,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO_DATA: 'true',
      HEALTH_PORT: '0',
      METRICS_PORT: '0',
      // As in the containers: JSON logs (with a line for each bus request and consumed event), and traces
      // sent to a collector, here the test's, exported a tenth of a second after they end.
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'debug',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    for (const service of services) {
      apps.set(service, await startApp(service, { ...env, NATS_URL: natsUrlOf(service) }));
    }
    const gateway = { ...env, PORT: '0', NATS_URL: natsUrlOf('gateway') };
    apps.set('gateway', await startApp('gateway', gateway));
    apps.set('second gateway', await startApp('gateway', gateway));
    for (const [name, app] of apps) {
      const ready = `${app.healthUrl ?? app.url}/health/ready`;
      await waitUntil(`${name} is ready`, async () => (await fetch(ready)).status === 200);
    }
    converted = await convertOne(apps.get('gateway')!.url!, correlationId);
    const second = apps.get('second gateway')!.url!;
    const token = await new Client(second).registerCustomer('second-gateway');
    expect((await new Client(second).call('GET', '/api/warranty/ZH10014510045', { token })).status).toBe(200);
  });

  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.stop()));
    await nats?.destroy();
    await collector?.close();
  });

  it('takes the mail-in form of the converted order, and logistics tracks its parcel, each app on its own permissions', async () => {
    const client = new Client(apps.get('second gateway')!.url!);
    const { customer, diagnosisCode } = converted;
    await waitUntil(
      'the repair order is open',
      async () =>
        (await client.call('GET', `/api/repair-orders/${diagnosisCode}`, { token: customer })).status === 200,
    );
    const submitted = await client.call('POST', `/api/repair-orders/${diagnosisCode}/mail-in`, {
      token: customer,
      body: {
        devices: [{ sn: 'ZH10014510045', fault: 'Hash board 2 not detected' }],
        repairPointId: 'rp-shenzhen',
        carrier: 'sf-express',
        trackingNumber: 'SF1234567890123',
      },
    });
    expect(submitted.status).toBe(201);
    await waitUntil('logistics tracks the outbound parcel', async () => {
      const shipments = await client.call<{ direction: string }[]>(
        'GET',
        `/api/shipments?diagnosisCode=${diagnosisCode}`,
        {
          token: customer,
        },
      );
      return shipments.body.length === 1 && shipments.body[0]!.direction === 'outbound';
    });
  });

  it('traces a conversion in one trace, from the gateway into the consultation service and on to the consumer of its event in repair-orders', async () => {
    const conversion = () =>
      collector
        .spans()
        .find(
          (span) =>
            span.service === 'gateway' &&
            span.kind === SERVER &&
            span.name === 'POST /api/consultations/:id/convert',
        );
    await waitUntil('the gateway exported the conversion request', () => conversion() !== undefined);
    const { traceId, spanId: httpSpan } = conversion()!;
    const inTrace = () => collector.spans().filter((span) => span.traceId === traceId);
    const consumed = () =>
      inTrace().find(
        (span) =>
          span.service === 'repair-orders' &&
          span.kind === CONSUMER &&
          span.name === 'process aftersales.consultation.ConsultationConverted',
      );
    await waitUntil(
      'repair-orders exported its consumption of the conversion',
      () => consumed() !== undefined,
    );
    const request = inTrace().find(
      (span) =>
        span.service === 'gateway' && span.kind === CLIENT && span.name === 'aftersales.consultation.convert',
    );
    expect(request).toMatchObject({ parentSpanId: httpSpan });
    const handler = inTrace().find(
      (span) =>
        span.service === 'consultation' &&
        span.kind === SERVER &&
        span.name === 'aftersales.consultation.convert',
    );
    expect(handler).toMatchObject({ parentSpanId: request!.spanId });
    // The event was appended by the handler; its consumer, in another process, continues that span.
    expect(consumed()).toMatchObject({ parentSpanId: handler!.spanId });
  });

  it("writes JSON logs in which the gateway's, the service's and the consumer's lines of one request carry its correlation id and trace", async () => {
    const { traceId } = collector
      .spans()
      .find((span) => span.service === 'gateway' && span.name === 'POST /api/consultations/:id/convert')!;
    const linesOf = (app: string) =>
      jsonLines(apps.get(app)!).filter((line) => line.correlationId === correlationId);
    expect(linesOf('gateway')).toContainEqual(
      expect.objectContaining({
        level: 'log',
        message: expect.stringMatching(/^POST \/api\/consultations\/:id\/convert 200 /),
        traceId,
      }),
    );
    expect(linesOf('consultation')).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(/^aftersales\.consultation\.convert: ok /),
        traceId,
      }),
    );
    await waitUntil('repair-orders logged its consumption of the conversion', () =>
      linesOf('repair-orders').some((line) => /applied ConsultationConverted/.test(String(line.message))),
    );
    expect(linesOf('repair-orders')).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/applied ConsultationConverted/), traceId }),
    );
    // The second gateway took no part in it, and every app wrote nothing but JSON.
    expect(
      jsonLines(apps.get('second gateway')!).filter((line) => line.correlationId === correlationId),
    ).toEqual([]);
    for (const app of apps.values()) expect(jsonLines(app).length).toBeGreaterThan(0);
  });

  it('each app answers GET /metrics on a port of its own, and the API port does not serve them', async () => {
    for (const [name, app] of apps) {
      expect({ name, url: app.metricsUrl }).toEqual({
        name,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/),
      });
      expect(await scrape(app.metricsUrl!)).toContain('# TYPE process_cpu_seconds_total counter');
    }
    const gateway = apps.get('gateway')!;
    expect(new URL(gateway.metricsUrl!).port).not.toBe(new URL(gateway.url!).port);
    expect(await (await fetch(`${gateway.url}/metrics`)).text()).not.toContain('aftersales_');
  });

  it("times the gateway's routes by their pattern, and the services' bus handlers by subject", async () => {
    const gateway = await scrape(apps.get('gateway')!.metricsUrl!);
    expect(
      seriesValue(
        gateway,
        'aftersales_http_request_duration_seconds_count{method="GET",route="/api/warranty/:sn",status="200"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    const warranty = await scrape(apps.get('warranty')!.metricsUrl!);
    // One lookup by each gateway, and one more when the consultation was opened.
    expect(
      seriesValue(
        warranty,
        'aftersales_bus_handler_duration_seconds_count{subject="aftersales.warranty.lookup",outcome="ok"}',
      ),
    ).toBe(3);
  });

  it('measures appends and the outbox backlog of the services, and counts consumer redeliveries and dead letters', async () => {
    const consultation = await scrape(apps.get('consultation')!.metricsUrl!);
    expect(
      seriesValue(
        consultation,
        'aftersales_event_store_append_duration_seconds_count{service="consultation"}',
      ),
    ).toBeGreaterThanOrEqual(3);
    await waitUntil('the consultation outbox is published', async () => {
      const text = await scrape(apps.get('consultation')!.metricsUrl!);
      return seriesValue(text, 'aftersales_outbox_backlog_events{service="consultation"}') === 0;
    });
    // The repair order is opened by a consumer of the conversion, a moment after it.
    await waitUntil('the repair-orders service appended the order', async () => {
      const text = await scrape(apps.get('repair-orders')!.metricsUrl!);
      return (
        (seriesValue(text, 'aftersales_event_store_append_duration_seconds_count{service="repair-orders"}') ??
          0) >= 1
      );
    });
    const repairOrders = await scrape(apps.get('repair-orders')!.metricsUrl!);
    expect(repairOrders).toContain('# TYPE aftersales_consumer_redeliveries_total counter');
    expect(repairOrders).toContain('# TYPE aftersales_consumer_dead_letters_total counter');
  });

  it('stops every process on SIGTERM with exit code 0, the gateways first', async () => {
    const order = ['gateway', 'second gateway', ...services];
    const codes: Record<string, number | null> = {};
    for (const name of order) codes[name] = await apps.get(name)!.stop();
    expect(codes).toEqual(Object.fromEntries(order.map((name) => [name, 0])));
  });
});

describe('metrics of the embedded mode', () => {
  let product: RunningProduct;

  beforeAll(async () => {
    product = await startEmbedded({ env: { METRICS_PORT: '0' } });
  });

  afterAll(() => product?.stop());

  it("serves every service's figures from the one process, told apart by service", async () => {
    await convertOne(product.url);
    const url = /Metrics: (http:\/\/\S+)/.exec(product.gatewayOutput())![1]!;
    await waitUntil('both services appended', async () => {
      const text = await scrape(url);
      return ['consultation', 'repair-orders'].every(
        (service) =>
          (seriesValue(text, `aftersales_event_store_append_duration_seconds_count{service="${service}"}`) ??
            0) >= 1,
      );
    });
    expect(
      seriesValue(
        await scrape(url),
        'aftersales_bus_handler_duration_seconds_count{subject="aftersales.consultation.open",outcome="ok"}',
      ),
    ).toBe(1);
  });
});

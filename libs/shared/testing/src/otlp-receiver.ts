import { createServer } from 'node:http';

/** One span as an app exported it, with the name of the service that made it. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  /** Absent on the root of a trace. */
  parentSpanId?: string;
  name: string;
  /** OTLP's numbering: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
}

export interface OtlpReceiver {
  /** What an app's `OTEL_EXPORTER_OTLP_ENDPOINT` names. */
  url: string;
  /** Every span received so far. */
  spans(): ReceivedSpan[];
  close(): Promise<void>;
}

interface ExportRequest {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: Omit<ReceivedSpan, 'service'>[] }[];
  }[];
}

/**
 * An OTLP/HTTP receiver of JSON-encoded traces (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`), standing in for
 * an OpenTelemetry collector: it keeps what `POST /v1/traces` brings. Ids arrive as hex, as OTLP's JSON
 * encoding writes them.
 */
export function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/v1/traces') {
      response.writeHead(404).end();
      return;
    }
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const exported = JSON.parse(body) as ExportRequest;
      for (const { resource, scopeSpans = [] } of exported.resourceSpans ?? []) {
        const service = resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const { spans = [] } of scopeSpans) {
          for (const { traceId, spanId, parentSpanId, name, kind } of spans) {
            received.push({ service, traceId, spanId, parentSpanId: parentSpanId || undefined, name, kind });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        spans: () => [...received],
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

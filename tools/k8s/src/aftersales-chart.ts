import { Chart, type App } from 'cdk8s';
import { k8s } from 'cdk8s-plus-33';
import {
  AFTERSHIP_SECRET,
  AUTH_SECRET,
  AppWorkload,
  CONFIG_MAP,
  GATEWAY_PORT,
  HEALTH_PORT,
  METRICS_PORT,
  apps,
} from './apps.js';
import type { Environment } from './environments.js';
import { appLabels, partOf } from './labels.js';
import { NatsCluster } from './nats.js';
import { NetworkPolicies, OTEL_COLLECTOR_ENDPOINT } from './network-policies.js';
import { MigrationJob, PostgresCluster } from './postgres.js';

/** Long-lived WebSockets (socket.io's `/live`) must outlast the ingress's default 60 s read timeout. */
const SOCKET_TIMEOUT_SECONDS = '3600';

/** The environment's namespace: a chart of its own, as a namespace lives in none. */
export class NamespaceChart extends Chart {
  constructor(scope: App, env: Environment) {
    super(scope, `${env.name}-namespace`, { labels: partOf, disableResourceNameHashes: true });
    new k8s.KubeNamespace(this, 'namespace', {
      metadata: {
        name: env.namespace,
        // The API server itself refuses any pod here that is not locked down.
        labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
      },
    });
  }
}

/** Everything aftersales runs in one environment's namespace. */
export class AftersalesChart extends Chart {
  constructor(scope: App, env: Environment) {
    super(scope, env.name, { namespace: env.namespace, labels: partOf, disableResourceNameHashes: true });

    new k8s.KubeConfigMap(this, 'config', {
      metadata: { name: CONFIG_MAP },
      data: {
        PORT: String(GATEWAY_PORT),
        HEALTH_PORT: String(HEALTH_PORT),
        METRICS_PORT: String(METRICS_PORT),
        // Every stream on all three NATS nodes, so losing one loses no event.
        JETSTREAM_REPLICAS: '3',
        COOKIE_SECURE: String(env.tlsSecret !== undefined),
        TRUST_PROXY: env.trustProxy,
        SEED_DEMO_DATA: String(env.seedDemoData),
        // One JSON object a line, for the cluster's log pipeline; each line of a request's work names it.
        LOG_FORMAT: 'json',
        // The OpenTelemetry collector the apps send their traces to, as OTLP/HTTP JSON (k8s/README.md).
        OTEL_EXPORTER_OTLP_ENDPOINT: OTEL_COLLECTOR_ENDPOINT,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      },
    });

    // A placeholder, never a secret: shorter than the 32 characters identity needs, so identity refuses to start
    // until the real value is set in the cluster (or by a secrets operator).
    new k8s.KubeSecret(this, 'auth-secret', {
      metadata: { name: AUTH_SECRET },
      type: 'Opaque',
      stringData: { AUTH_SECRET: 'REPLACE-ME' },
    });

    // Likewise a placeholder: too short for the logistics service, which refuses to start until it is set.
    new k8s.KubeSecret(this, 'aftership-secret', {
      metadata: { name: AFTERSHIP_SECRET },
      type: 'Opaque',
      stringData: { AFTERSHIP_WEBHOOK_SECRET: 'REPLACE-ME' },
    });

    for (const app of apps) new AppWorkload(this, app, env);

    new k8s.KubeIngress(this, 'ingress', {
      metadata: {
        name: 'gateway',
        labels: appLabels('gateway'),
        annotations: {
          'nginx.ingress.kubernetes.io/proxy-read-timeout': SOCKET_TIMEOUT_SECONDS,
          'nginx.ingress.kubernetes.io/proxy-send-timeout': SOCKET_TIMEOUT_SECONDS,
          // Device CSV imports go up to IMPORT_MAX_BYTES (64 MiB).
          'nginx.ingress.kubernetes.io/proxy-body-size': '64m',
          // socket.io's long-polling start must reach the replica that holds the session.
          'nginx.ingress.kubernetes.io/affinity': 'cookie',
          'nginx.ingress.kubernetes.io/session-cookie-name': 'aftersales_route',
          ...(env.tlsSecret ? { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } : {}),
        },
      },
      spec: {
        ingressClassName: 'nginx',
        ...(env.tlsSecret ? { tls: [{ hosts: [env.host], secretName: env.tlsSecret }] } : {}),
        rules: [
          {
            host: env.host,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'gateway', port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
    });

    new NatsCluster(this, env);
    new PostgresCluster(this, env);
    new MigrationJob(this, env);
    new NetworkPolicies(this, apps);
  }
}

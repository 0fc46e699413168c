import { Construct } from 'constructs';
import { k8s } from 'cdk8s-plus-33';
import { healthPaths } from '@aftersales/shared-health/paths';
import type { Environment } from './environments.js';
import { NATS_CLIENT_PORT, NATS_USERS_SECRET, natsPasswordVariable } from './nats.js';
import { NATS_TLS_DIR, NATS_TLS_SECRET } from './nats-tls.js';
import { POSTGRES_APP_SECRET, appLabels } from './labels.js';
import { containerSecurityContext, podSecurityContext, resources, tmpMount, tmpVolume } from './security.js';

export const CONFIG_MAP = 'aftersales-config';
export const AUTH_SECRET = 'aftersales-auth';
/** The tracking aggregator's webhook secret, which the logistics service checks pushes with. */
export const AFTERSHIP_SECRET = 'aftersales-aftership';
export const GATEWAY_PORT = 3000;
/** The services' HTTP listener for health (`HEALTH_PORT`). */
export const HEALTH_PORT = 8081;
/** Every app's `GET /metrics` (`METRICS_PORT`): a port the ingress never routes to. */
export const METRICS_PORT = 9464;

/** An app of the distributed mode, as the image runs it. */
export interface AppSpec {
  name: 'gateway' | 'identity' | 'warranty' | 'consultation' | 'repair-orders' | 'logistics';
  /** The port its health routes answer on. */
  port: number;
  /** It keeps a schema in PostgreSQL. */
  database: boolean;
  /** Environment taken from Secrets, by variable. */
  secrets?: Record<string, { name: string; key: string }>;
}

export const apps: readonly AppSpec[] = [
  { name: 'gateway', port: GATEWAY_PORT, database: false },
  {
    name: 'identity',
    port: HEALTH_PORT,
    database: true,
    secrets: { AUTH_SECRET: { name: AUTH_SECRET, key: 'AUTH_SECRET' } },
  },
  { name: 'warranty', port: HEALTH_PORT, database: true },
  { name: 'consultation', port: HEALTH_PORT, database: true },
  { name: 'repair-orders', port: HEALTH_PORT, database: true },
  {
    name: 'logistics',
    port: HEALTH_PORT,
    database: true,
    secrets: { AFTERSHIP_WEBHOOK_SECRET: { name: AFTERSHIP_SECRET, key: 'AFTERSHIP_WEBHOOK_SECRET' } },
  },
];

const httpGet = (path: string): k8s.HttpGetAction => ({ path, port: k8s.IntOrString.fromString('http') });

/**
 * The app's own NATS user: its password from the Secret, then the URL that carries it (Kubernetes expands
 * `$(NATS_PASSWORD)`, defined just before). Where NATS speaks TLS, the URL says `tls://` and the app trusts
 * the CA of NATS's certificate, mounted from its Secret.
 */
function natsUserEnv(app: AppSpec['name'], env: Environment): k8s.EnvVar[] {
  return [
    {
      name: 'NATS_PASSWORD',
      valueFrom: { secretKeyRef: { name: NATS_USERS_SECRET, key: natsPasswordVariable(app) } },
    },
    {
      name: 'NATS_URL',
      value: `${env.natsTls ? 'tls' : 'nats'}://${app}:$(NATS_PASSWORD)@nats:${NATS_CLIENT_PORT}`,
    },
    ...(env.natsTls ? [{ name: 'NATS_TLS_CA', value: `${NATS_TLS_DIR}/ca.crt` }] : []),
  ];
}

/** The CA of NATS's certificate, and nothing else of its Secret: an app has no business with NATS's key. */
const natsCaVolume: k8s.Volume = {
  name: 'nats-ca',
  secret: { secretName: NATS_TLS_SECRET, items: [{ key: 'ca.crt', path: 'ca.crt' }] },
};

/** Names each app's spans by its pod and environment, beside the app's own `service.name`. */
function traceResourceEnv(env: Environment): k8s.EnvVar[] {
  return [
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    {
      name: 'OTEL_RESOURCE_ATTRIBUTES',
      value: `k8s.namespace.name=${env.namespace},k8s.pod.name=$(POD_NAME),deployment.environment.name=${env.name}`,
    },
  ];
}

/** The variables of a service that keeps a schema: its connection URL, from CloudNativePG's Secret. */
export const databaseEnv: k8s.EnvVar = {
  name: 'DATABASE_URL',
  valueFrom: { secretKeyRef: { name: POSTGRES_APP_SECRET, key: 'uri' } },
};

/** One app: its Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget. */
export class AppWorkload extends Construct {
  constructor(scope: Construct, app: AppSpec, env: Environment) {
    super(scope, app.name);
    const labels = appLabels(app.name);
    const [minReplicas, maxReplicas] = app.name === 'gateway' ? env.replicas.gateway : env.replicas.service;

    new k8s.KubeDeployment(this, 'deployment', {
      metadata: { name: app.name, labels },
      spec: {
        // The autoscaler owns the count; a Deployment that named one would reset it on every apply.
        selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(0) } },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: podSecurityContext,
            // Long enough for the drain on SIGTERM: requests in flight, consumers, the outbox.
            terminationGracePeriodSeconds: 45,
            volumes: [tmpVolume, ...(env.natsTls ? [natsCaVolume] : [])],
            containers: [
              {
                name: app.name,
                image: env.image,
                args: [`apps/${app.name}/dist/main.js`],
                ports: [
                  { name: 'http', containerPort: app.port },
                  { name: 'metrics', containerPort: METRICS_PORT },
                ],
                envFrom: [{ configMapRef: { name: CONFIG_MAP } }],
                env: [
                  ...natsUserEnv(app.name, env),
                  ...traceResourceEnv(env),
                  ...(app.database ? [databaseEnv] : []),
                  ...Object.entries(app.secrets ?? {}).map(([name, secretKeyRef]) => ({
                    name,
                    valueFrom: { secretKeyRef },
                  })),
                ],
                resources: resources(env.app),
                securityContext: containerSecurityContext,
                volumeMounts: [
                  tmpMount,
                  ...(env.natsTls
                    ? [{ name: natsCaVolume.name, mountPath: NATS_TLS_DIR, readOnly: true }]
                    : []),
                ],
                // Start: migrations and the first connections may take a while; live: the process answers;
                // ready: its database and NATS answer, and it is not stopping.
                startupProbe: { httpGet: httpGet(healthPaths.live), periodSeconds: 2, failureThreshold: 60 },
                livenessProbe: {
                  httpGet: httpGet(healthPaths.live),
                  periodSeconds: 10,
                  timeoutSeconds: 3,
                  failureThreshold: 3,
                },
                readinessProbe: {
                  httpGet: httpGet(healthPaths.ready),
                  periodSeconds: 5,
                  timeoutSeconds: 3,
                  failureThreshold: 2,
                },
              },
            ],
          },
        },
      },
    });

    new k8s.KubeService(this, 'service', {
      metadata: { name: app.name, labels },
      spec: {
        selector: labels,
        ports: [
          {
            name: 'http',
            port: app.name === 'gateway' ? 80 : app.port,
            targetPort: k8s.IntOrString.fromString('http'),
          },
          { name: 'metrics', port: METRICS_PORT, targetPort: k8s.IntOrString.fromString('metrics') },
        ],
      },
    });

    new k8s.KubeHorizontalPodAutoscalerV2(this, 'autoscaler', {
      metadata: { name: app.name, labels },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
        minReplicas,
        maxReplicas,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
          },
        ],
      },
    });

    new k8s.KubePodDisruptionBudget(this, 'disruption-budget', {
      metadata: { name: app.name, labels },
      spec: { selector: { matchLabels: labels }, maxUnavailable: k8s.IntOrString.fromNumber(1) },
    });
  }
}

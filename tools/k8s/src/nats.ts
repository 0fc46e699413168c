import { Construct } from 'constructs';
import { type BusApp, busApps, natsAuthorization } from '@aftersales/shared-messaging';
import { k8s } from 'cdk8s-plus-33';
import { NATS_IMAGE, type Environment } from './environments.js';
import { natsLabels } from './labels.js';
import { NATS_TLS_DIR, NATS_TLS_SECRET, NatsCertificates, natsTlsBlock } from './nats-tls.js';
import { containerSecurityContext, podSecurityContext, resources } from './security.js';

export const NATS_REPLICAS = 3;
export const NATS_CLIENT_PORT = 4222;
export const NATS_CLUSTER_PORT = 6222;
const MONITOR_PORT = 8222;
const HEADLESS = 'nats-headless';

/** The Secret of the apps' NATS passwords: each app reads its own, every NATS server all of them. */
export const NATS_USERS_SECRET = 'nats-users';
/** The key and environment variable of one app's NATS password. */
export const natsPasswordVariable = (app: BusApp) =>
  `${app.toUpperCase().replaceAll('-', '_')}_NATS_PASSWORD`;

/** Every name a client (the Service `nats`) or a peer (each pod through the headless Service) dials. */
const natsNames = (env: Environment) =>
  [
    'nats',
    `nats.${env.namespace}`,
    `nats.${env.namespace}.svc`,
    `*.${HEADLESS}.${env.namespace}.svc`,
  ].flatMap((name) => (name.endsWith('.svc') ? [name, `${name}.cluster.local`] : [name]));

/**
 * Every server routes to every other by its stable name; JetStream keeps its store on the volume. Each app
 * connects as its own user, with only its permissions; the passwords come from the Secret. With TLS, clients
 * and routes alike speak it only (the monitoring port, which the probes use, stays plain).
 */
const natsConf = (env: Environment) =>
  [
    `port: ${NATS_CLIENT_PORT}`,
    ...(env.natsTls ? natsTlsBlock('', false) : []),
    `http_port: ${MONITOR_PORT}`,
    'server_name: $POD_NAME',
    // Servers that stop tell their clients to move first, inside the pod's grace period.
    'lame_duck_duration: 30s',
    'lame_duck_grace_period: 10s',
    'jetstream {',
    '  store_dir: /data/jetstream',
    // Below the volume's size, so the store fills up (and refuses writes) before the disk does.
    `  max_file_store: ${Math.floor(Number.parseInt(env.nats.storage, 10) * 0.8 * 1024)}M`,
    '  max_memory_store: 128M',
    '}',
    'cluster {',
    '  name: aftersales',
    `  port: ${NATS_CLUSTER_PORT}`,
    ...(env.natsTls ? natsTlsBlock('  ', true) : []),
    '  routes: [',
    ...Array.from(
      { length: NATS_REPLICAS },
      (_, i) => `    nats://nats-${i}.${HEADLESS}.${env.namespace}.svc:${NATS_CLUSTER_PORT}`,
    ),
    '  ]',
    '}',
    natsAuthorization(
      Object.fromEntries(busApps.map((app) => [app, `$${natsPasswordVariable(app)}`])) as Record<
        BusApp,
        string
      >,
    ),
  ].join('\n');

const healthz = (query: string): k8s.HttpGetAction => ({
  path: `/healthz?${query}`,
  port: k8s.IntOrString.fromString('monitor'),
});

/** A 3-node NATS JetStream cluster: its config, a StatefulSet, a headless and a client Service, a budget. */
export class NatsCluster extends Construct {
  constructor(scope: Construct, env: Environment) {
    super(scope, 'nats');
    const labels = natsLabels;
    const ports = [
      { name: 'client', containerPort: NATS_CLIENT_PORT },
      { name: 'cluster', containerPort: NATS_CLUSTER_PORT },
      { name: 'monitor', containerPort: MONITOR_PORT },
    ];

    // Placeholders, never secrets: set the real passwords in the cluster or by a secrets operator.
    new k8s.KubeSecret(this, 'users', {
      metadata: { name: NATS_USERS_SECRET, labels },
      stringData: Object.fromEntries(busApps.map((app) => [natsPasswordVariable(app), 'REPLACE-ME'])),
    });

    if (env.natsTls) new NatsCertificates(this, natsNames(env));

    new k8s.KubeConfigMap(this, 'config', {
      metadata: { name: 'nats-config', labels },
      data: { 'nats.conf': natsConf(env) },
    });

    new k8s.KubeService(this, 'headless', {
      metadata: { name: HEADLESS, labels },
      spec: {
        clusterIp: 'None',
        // Peers must find each other before they are ready: readiness needs the cluster.
        publishNotReadyAddresses: true,
        selector: labels,
        ports: ports.map(({ name, containerPort }) => ({ name, port: containerPort })),
      },
    });

    new k8s.KubeService(this, 'client', {
      metadata: { name: 'nats', labels },
      spec: { selector: labels, ports: [{ name: 'client', port: NATS_CLIENT_PORT }] },
    });

    new k8s.KubeStatefulSet(this, 'servers', {
      metadata: { name: 'nats', labels },
      spec: {
        serviceName: HEADLESS,
        replicas: NATS_REPLICAS,
        // All three start together: a cluster forms only once its peers answer.
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            automountServiceAccountToken: false,
            securityContext: podSecurityContext,
            terminationGracePeriodSeconds: 60,
            volumes: [
              { name: 'config', configMap: { name: 'nats-config' } },
              ...(env.natsTls ? [{ name: 'tls', secret: { secretName: NATS_TLS_SECRET } }] : []),
            ],
            containers: [
              {
                name: 'nats',
                image: NATS_IMAGE,
                args: ['--config', '/etc/nats/nats.conf'],
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  ...busApps.map((app) => ({
                    name: natsPasswordVariable(app),
                    valueFrom: { secretKeyRef: { name: NATS_USERS_SECRET, key: natsPasswordVariable(app) } },
                  })),
                ],
                ports,
                resources: resources(env.nats),
                securityContext: containerSecurityContext,
                volumeMounts: [
                  { name: 'config', mountPath: '/etc/nats' },
                  { name: 'data', mountPath: '/data' },
                  ...(env.natsTls ? [{ name: 'tls', mountPath: NATS_TLS_DIR, readOnly: true }] : []),
                ],
                startupProbe: {
                  httpGet: healthz('js-enabled-only=true'),
                  periodSeconds: 5,
                  failureThreshold: 60,
                },
                livenessProbe: {
                  httpGet: healthz('js-enabled-only=true'),
                  periodSeconds: 30,
                  timeoutSeconds: 5,
                },
                readinessProbe: {
                  httpGet: healthz('js-server-only=true'),
                  periodSeconds: 10,
                  timeoutSeconds: 5,
                },
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: {
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: k8s.Quantity.fromString(env.nats.storage) } },
            },
          },
        ],
      },
    });

    new k8s.KubePodDisruptionBudget(this, 'disruption-budget', {
      metadata: { name: 'nats', labels },
      spec: { selector: { matchLabels: labels }, maxUnavailable: k8s.IntOrString.fromNumber(1) },
    });
  }
}

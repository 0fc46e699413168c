import { Construct } from 'constructs';
import { k8s } from 'cdk8s-plus-33';
import { GATEWAY_PORT, METRICS_PORT, type AppSpec } from './apps.js';
import { NATS_CLIENT_PORT, NATS_CLUSTER_PORT } from './nats.js';
import { appLabels, migrateLabels, natsLabels, postgresLabels } from './labels.js';

/** Where the ingress controller and the CloudNativePG operator run: their standard install namespaces. */
export const INGRESS_NAMESPACE = 'ingress-nginx';
export const CNPG_NAMESPACE = 'cnpg-system';
/** Where Prometheus runs (kube-prometheus-stack's usual namespace): it alone may scrape the apps. */
export const MONITORING_NAMESPACE = 'monitoring';
/** The OpenTelemetry collector's OTLP/HTTP port: its standard one. */
export const OTLP_HTTP_PORT = 4318;
/** The OpenTelemetry collector that takes the apps' traces: a Service `otel-collector` beside Prometheus. */
export const OTEL_COLLECTOR_ENDPOINT = `http://otel-collector.${MONITORING_NAMESPACE}.svc:${OTLP_HTTP_PORT}`;

const tcp = (port: number): k8s.NetworkPolicyPort => ({
  protocol: 'TCP',
  port: k8s.IntOrString.fromNumber(port),
});
const pods = (matchLabels: Record<string, string>): k8s.NetworkPolicyPeer => ({
  podSelector: { matchLabels },
});
const namespace = (name: string): k8s.NetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
});

/**
 * Nothing talks unless a policy says so. Each service reaches only NATS and PostgreSQL (and DNS, and the
 * trace collector); the gateway reaches NATS and takes traffic from the ingress controller; NATS and PostgreSQL take their
 * clients and their own peers. Kubelet probes are not subject to these policies.
 */
export class NetworkPolicies extends Construct {
  constructor(scope: Construct, apps: readonly AppSpec[]) {
    super(scope, 'network-policies');
    const policy = (name: string, spec: k8s.NetworkPolicySpec) =>
      new k8s.KubeNetworkPolicy(this, name, { metadata: { name }, spec });

    policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    policy('allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ...namespace('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [
            { protocol: 'UDP', port: k8s.IntOrString.fromNumber(53) },
            { protocol: 'TCP', port: k8s.IntOrString.fromNumber(53) },
          ],
        },
      ],
    });

    const toNats: k8s.NetworkPolicyEgressRule = { to: [pods(natsLabels)], ports: [tcp(NATS_CLIENT_PORT)] };
    const toPostgres: k8s.NetworkPolicyEgressRule = { to: [pods(postgresLabels)], ports: [tcp(5432)] };
    const toCollector: k8s.NetworkPolicyEgressRule = {
      to: [namespace(MONITORING_NAMESPACE)],
      ports: [tcp(OTLP_HTTP_PORT)],
    };
    for (const app of apps) {
      policy(app.name, {
        podSelector: { matchLabels: appLabels(app.name) },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          ...(app.name === 'gateway'
            ? [{ from: [namespace(INGRESS_NAMESPACE)], ports: [tcp(GATEWAY_PORT)] }]
            : []),
          { from: [namespace(MONITORING_NAMESPACE)], ports: [tcp(METRICS_PORT)] },
        ],
        egress: [toNats, ...(app.database ? [toPostgres] : []), toCollector],
      });
    }
    policy('migrate', {
      podSelector: { matchLabels: migrateLabels },
      policyTypes: ['Ingress', 'Egress'],
      egress: [toPostgres],
    });

    const clients = apps.map((app) => pods(appLabels(app.name)));
    policy('nats', {
      podSelector: { matchLabels: natsLabels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: clients, ports: [tcp(NATS_CLIENT_PORT)] },
        { from: [pods(natsLabels)], ports: [tcp(NATS_CLUSTER_PORT)] },
      ],
      egress: [{ to: [pods(natsLabels)], ports: [tcp(NATS_CLUSTER_PORT)] }],
    });

    const databaseClients = apps.filter((app) => app.database).map((app) => pods(appLabels(app.name)));
    policy('postgres', {
      podSelector: { matchLabels: postgresLabels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [...databaseClients, pods(migrateLabels), pods(postgresLabels)], ports: [tcp(5432)] },
        // The operator reads each instance's status endpoint and connects for management.
        { from: [namespace(CNPG_NAMESPACE)], ports: [tcp(8000), tcp(5432)] },
      ],
      egress: [
        { to: [pods(postgresLabels)], ports: [tcp(5432)] },
        // Each instance manager watches its Cluster through the Kubernetes API, whose address varies by cluster.
        { ports: [tcp(443), tcp(6443)] },
      ],
    });
  }
}

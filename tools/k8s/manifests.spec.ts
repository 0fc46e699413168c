import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import { healthPaths } from '@aftersales/shared-health/paths';
import { makeTlsCertificates } from '@aftersales/shared-testing';
import { committedFiles, committedManifests } from './committed-manifests.js';
import { environments } from './src/environments.js';
import { type Manifest, synthesize } from './src/synth.js';
import { busApps } from '@aftersales/shared-messaging';
import { natsPasswordVariable } from './src/nats.js';

/** The Kubernetes version whose OpenAPI schemas `kubernetes-models` 5.1 carries. */
export const KUBERNETES_VERSION = '1.36';

/** Objects of operators' CRDs, for which no offline schema is at hand: the rules below check them instead. */
const withoutSchema = new Set([
  'postgresql.cnpg.io/v1 Cluster',
  'cert-manager.io/v1 Issuer',
  'cert-manager.io/v1 Certificate',
]);

interface Model {
  validate(): void;
}
type Models = Record<string, unknown>;

/** The API groups the manifests use, each with its models; an object of any other group fails. */
const schemas: Record<string, Models> = {
  v1: core,
  'apps/v1': appsV1,
  'autoscaling/v2': autoscaling,
  'batch/v1': batch,
  'networking.k8s.io/v1': networking,
  'policy/v1': policy,
};

/** Validates one object against the schema of its apiVersion and kind; throws naming what is wrong. */
function validateAgainstSchema(manifest: Manifest): void {
  const Model = schemas[manifest.apiVersion]?.[manifest.kind] as (new (data: unknown) => Model) | undefined;
  if (!Model) throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(manifest).validate();
}

type Container = {
  name: string;
  image: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[] } };
  startupProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
};
type PodTemplate = {
  metadata: { labels: Record<string, string> };
  spec: {
    securityContext?: Record<string, unknown> & { seccompProfile?: { type: string } };
    containers: Container[];
    initContainers?: Container[];
  };
};
const podTemplateOf = (manifest: Manifest) =>
  (manifest as unknown as { spec: { template: PodTemplate } }).spec.template;
const workloads = (manifests: Manifest[]) =>
  manifests.filter((m) => ['Deployment', 'StatefulSet', 'Job'].includes(m.kind));
/** A pod's containers in the order they start. */
const containersOf = (template: PodTemplate) => [
  ...(template.spec.initContainers ?? []),
  ...template.spec.containers,
];
/** The source of a built entry point the image runs, such as `apps/identity/dist/migrate.js`. */
const sourceOf = (entryPoint: string) =>
  new URL(`../../${entryPoint.replace('/dist/', '/src/').replace(/\.js$/, '.ts')}`, import.meta.url);
const named = (manifests: Manifest[], kind: string) =>
  manifests.filter((m) => m.kind === kind).map((m) => m.metadata.name);

describe.each(environments.map((env) => [env.name, env] as const))('k8s/%s', (name, env) => {
  const manifests = committedManifests(name);

  it('is what `npm run k8s:synth` makes of tools/k8s now', () => {
    const fresh = synthesize(env);
    const committed = committedFiles(name);
    expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [file, text] of fresh) expect({ file, text: committed.get(file) }).toEqual({ file, text });
  });

  it(`validates every object against the Kubernetes ${KUBERNETES_VERSION} schemas`, () => {
    const problems: string[] = [];
    for (const manifest of manifests) {
      if (withoutSchema.has(`${manifest.apiVersion} ${manifest.kind}`)) continue;
      try {
        validateAgainstSchema(manifest);
      } catch (error) {
        problems.push(`${manifest.kind} ${manifest.metadata.name}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('runs every container as non-root, locked down, with requests and limits', () => {
    for (const workload of workloads(manifests)) {
      const template = podTemplateOf(workload);
      expect({ workload: workload.metadata.name, pod: template.spec.securityContext }).toMatchObject({
        pod: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      });
      for (const container of containersOf(template)) {
        expect({ container: container.name, ...container }).toMatchObject({
          securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
          },
          resources: {
            requests: { cpu: expect.any(String), memory: expect.any(String) },
            limits: { cpu: expect.any(String), memory: expect.any(String) },
          },
        });
      }
    }
  });

  it('gives every long-running container a startup, a liveness and a readiness probe', () => {
    for (const workload of manifests.filter((m) => m.kind === 'Deployment' || m.kind === 'StatefulSet')) {
      for (const container of podTemplateOf(workload).spec.containers) {
        expect({ container: container.name, ...container }).toMatchObject({
          startupProbe: expect.any(Object),
          livenessProbe: expect.any(Object),
          readinessProbe: expect.any(Object),
        });
      }
    }
  });

  it('probes each app on the health paths the apps serve', () => {
    const paths = new Set<string>(Object.values(healthPaths));
    for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
      for (const { startupProbe, livenessProbe, readinessProbe } of podTemplateOf(deployment).spec
        .containers) {
        for (const probe of [startupProbe, livenessProbe, readinessProbe]) {
          expect(paths).toContain(probe?.httpGet?.path);
        }
        expect(readinessProbe?.httpGet?.path).toBe(healthPaths.ready);
        expect(livenessProbe?.httpGet?.path).toBe(healthPaths.live);
      }
    }
  });

  it('pins every image by a version tag', () => {
    const images = workloads(manifests).flatMap((w) => containersOf(podTemplateOf(w)).map((c) => c.image));
    const cluster = manifests.find((m) => m.kind === 'Cluster') as unknown as { spec: { imageName: string } };
    for (const image of [...images, cluster.spec.imageName]) expect(image).toMatch(/^[\w./-]+:\d[\w.-]*$/);
  });

  it('denies all traffic by default, and covers every workload with a policy of its own', () => {
    const policies = manifests.filter((m) => m.kind === 'NetworkPolicy') as unknown as {
      metadata: { name: string };
      spec: { podSelector: { matchLabels?: Record<string, string> }; policyTypes: string[] };
    }[];
    expect(policies).toContainEqual(
      expect.objectContaining({ spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }),
    );
    for (const workload of workloads(manifests)) {
      const labels = podTemplateOf(workload).metadata.labels;
      const covering = policies.filter(({ spec: { podSelector } }) => {
        const wanted = Object.entries(podSelector.matchLabels ?? {});
        return wanted.length > 0 && wanted.every(([key, value]) => labels[key] === value);
      });
      expect({ workload: workload.metadata.name, covering: covering.length }).toEqual({
        workload: workload.metadata.name,
        covering: 1,
      });
    }
  });

  it('gives each app a Service, an autoscaler and a disruption budget', () => {
    const apps = named(manifests, 'Deployment').sort();
    expect(apps).toEqual(['consultation', 'gateway', 'identity', 'logistics', 'repair-orders', 'warranty']);
    expect(named(manifests, 'Service')).toEqual(expect.arrayContaining(apps));
    expect(named(manifests, 'HorizontalPodAutoscaler').sort()).toEqual(apps);
    expect(named(manifests, 'PodDisruptionBudget')).toEqual(expect.arrayContaining(apps));
  });

  it('runs NATS as a 3-node JetStream cluster whose routes name every node, in a file nats-server accepts', () => {
    const nats = manifests.find((m) => m.kind === 'StatefulSet' && m.metadata.name === 'nats') as unknown as {
      spec: { replicas: number };
    };
    expect(nats.spec.replicas).toBe(3);
    const config = manifests.find((m) => m.metadata.name === 'nats-config') as unknown as {
      data: Record<string, string>;
    };
    const conf = config.data['nats.conf']!;
    expect(conf).toMatch(/jetstream \{/);
    for (const node of [0, 1, 2])
      expect(conf).toContain(`nats://nats-${node}.nats-headless.${env.namespace}.svc:6222`);
    // This machine's nats-server (Debian's 2.9; the pods run 2.10, which reads the same syntax) accepts it,
    // with certificate files where the Secret would be mounted.
    const folder = mkdtempSync(join(tmpdir(), 'nats-conf-'));
    makeTlsCertificates(folder, ['nats']);
    writeFileSync(join(folder, 'nats.conf'), conf.replaceAll('/etc/nats-tls/', `${folder}/`));
    const check = spawnSync('/usr/sbin/nats-server', ['-c', join(folder, 'nats.conf'), '-t'], {
      env: {
        POD_NAME: 'nats-0',
        ...Object.fromEntries(busApps.map((app) => [natsPasswordVariable(app), 'a-password'])),
      },
      encoding: 'utf8',
    });
    rmSync(folder, { recursive: true });
    expect({ status: check.status, output: check.stdout + check.stderr }).toMatchObject({ status: 0 });
  });

  it('serves metrics on a port of every app that only Prometheus may reach, and the ingress never routes to', () => {
    for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
      const [container] = containersOf(podTemplateOf(deployment)) as unknown as {
        ports: { name: string; containerPort: number }[];
      }[];
      expect({ app: deployment.metadata.name, ports: container!.ports }).toEqual({
        app: deployment.metadata.name,
        ports: expect.arrayContaining([{ name: 'metrics', containerPort: 9464 }]),
      });
      const policy = manifests.find(
        (m) => m.kind === 'NetworkPolicy' && m.metadata.name === deployment.metadata.name,
      ) as unknown as { spec: { ingress: { from: unknown[]; ports: { port: number }[] }[] } };
      expect(policy.spec.ingress).toContainEqual({
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ protocol: 'TCP', port: 9464 }],
      });
    }
    const ingress = manifests.find((m) => m.kind === 'Ingress') as unknown as {
      spec: { rules: { http: { paths: { backend: { service: { port: { name: string } } } }[] } }[] };
    };
    const routedPorts = ingress.spec.rules.flatMap((r) =>
      r.http.paths.map((p) => p.backend.service.port.name),
    );
    expect(new Set(routedPorts)).toEqual(new Set(['http']));
  });

  it('connects each app to NATS as its own user, whose password NATS and the app read from one Secret', () => {
    const conf = (
      manifests.find((m) => m.metadata.name === 'nats-config') as unknown as { data: Record<string, string> }
    ).data['nats.conf']!;
    for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
      const app = deployment.metadata.name!;
      const [container] = containersOf(podTemplateOf(deployment)) as unknown as {
        env: { name: string; value?: string; valueFrom?: unknown }[];
      }[];
      const env = Object.fromEntries(container!.env.map((e) => [e.name, e.value ?? e.valueFrom]));
      expect({ app, url: env.NATS_URL, password: env.NATS_PASSWORD }).toEqual({
        app,
        url: `${name === 'prod' ? 'tls' : 'nats'}://${app}:$(NATS_PASSWORD)@nats:4222`,
        password: { secretKeyRef: { name: 'nats-users', key: natsPasswordVariable(app as never) } },
      });
      expect(conf).toContain(`"user": "${app}",\n      "password": $${natsPasswordVariable(app as never)},`);
    }
  });

  it('writes JSON logs and sends traces to the collector the ConfigMap names, which every app may reach', () => {
    const config = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'aftersales-config');
    expect((config as unknown as { data: Record<string, string> }).data).toMatchObject({
      LOG_FORMAT: 'json',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.monitoring.svc:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
    for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
      const app = deployment.metadata.name;
      const [container] = containersOf(podTemplateOf(deployment)) as unknown as {
        envFrom: { configMapRef: { name: string } }[];
      }[];
      expect({ app, envFrom: container!.envFrom }).toEqual({
        app,
        envFrom: [{ configMapRef: { name: 'aftersales-config' } }],
      });
      const policy = manifests.find(
        (m) => m.kind === 'NetworkPolicy' && m.metadata.name === app,
      ) as unknown as {
        spec: { egress: unknown[] };
      };
      expect({ app, egress: policy.spec.egress }).toEqual({
        app,
        egress: expect.arrayContaining([
          {
            to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
            ports: [{ protocol: 'TCP', port: 4318 }],
          },
        ]),
      });
    }
  });

  it('carries WebSockets through the ingress for an hour', () => {
    const ingress = manifests.find((m) => m.kind === 'Ingress')!;
    expect(ingress.metadata).toMatchObject({
      annotations: {
        'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
        'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
      },
    });
  });

  it('commits placeholders, never a secret', () => {
    for (const secret of manifests.filter((m) => m.kind === 'Secret') as unknown as {
      stringData: Record<string, string>;
    }[]) {
      for (const value of Object.values(secret.stringData)) expect(value).toBe('REPLACE-ME');
    }
  });

  it('runs only entry points the image has, and migrates every service that keeps a schema', () => {
    const job = manifests.find((m) => m.kind === 'Job')!;
    const args = containersOf(podTemplateOf(job)).map((c) => (c as unknown as { args: string[] }).args);
    expect(args).toEqual([
      ['apps/identity/dist/migrate.js'],
      ['apps/warranty/dist/migrate.js'],
      ['apps/consultation/dist/migrate.js'],
      ['apps/repair-orders/dist/migrate.js'],
      ['apps/logistics/dist/migrate.js'],
    ]);
    const entryPoints = workloads(manifests)
      .filter((m) => m.metadata.name !== 'nats')
      .flatMap((w) =>
        containersOf(podTemplateOf(w)).map((c) => (c as unknown as { args: string[] }).args[0]!),
      );
    for (const entryPoint of entryPoints)
      expect({ entryPoint, exists: existsSync(sourceOf(entryPoint)) }).toEqual({ entryPoint, exists: true });
  });
});

type Env = { name: string; value?: string };
type Mount = { name: string; mountPath: string; readOnly?: boolean };
type Volume = { name: string; secret?: { secretName: string; items?: { key: string; path: string }[] } };
const natsConfOf = (manifests: Manifest[]) =>
  (manifests.find((m) => m.metadata.name === 'nats-config') as unknown as { data: Record<string, string> })
    .data['nats.conf']!;
const cert = (manifests: Manifest[], kind: string, name: string) =>
  manifests.find((m) => m.kind === kind && m.metadata.name === name) as unknown as {
    spec: Record<string, unknown>;
  };

describe('NATS over TLS', () => {
  const prod = committedManifests('prod');

  it('in prod, speaks TLS only, to the apps and between its nodes, with the certificate from cert-manager', () => {
    const [clients, cluster] = natsConfOf(prod).split('cluster {') as [string, string];
    expect(clients).toContain(
      'tls {\n  cert_file: /etc/nats-tls/tls.crt\n  key_file: /etc/nats-tls/tls.key\n',
    );
    expect(cluster).toMatch(/tls \{[^}]*ca_file: \/etc\/nats-tls\/ca\.crt[^}]*verify: true/);
    const nats = prod.find((m) => m.kind === 'StatefulSet' && m.metadata.name === 'nats')!;
    const pod = podTemplateOf(nats).spec as unknown as {
      volumes: Volume[];
      containers: { volumeMounts: Mount[] }[];
    };
    expect(pod.volumes).toContainEqual({ name: 'tls', secret: { secretName: 'nats-tls' } });
    expect(pod.containers[0]!.volumeMounts).toContainEqual({
      name: 'tls',
      mountPath: '/etc/nats-tls',
      readOnly: true,
    });
  });

  it('in prod, has cert-manager issue that certificate from a CA of its own, for every name a client or a node dials', () => {
    expect(cert(prod, 'Certificate', 'nats-server').spec).toMatchObject({
      secretName: 'nats-tls',
      issuerRef: { kind: 'Issuer', name: 'nats-ca' },
      usages: expect.arrayContaining(['server auth', 'client auth']),
      dnsNames: expect.arrayContaining(['nats', 'nats.aftersales.svc', '*.nats-headless.aftersales.svc']),
    });
    expect(cert(prod, 'Issuer', 'nats-ca').spec).toEqual({ ca: { secretName: 'nats-ca' } });
    expect(cert(prod, 'Certificate', 'nats-ca').spec).toMatchObject({
      isCA: true,
      secretName: 'nats-ca',
      issuerRef: { kind: 'Issuer', name: 'nats-self-signed' },
    });
    expect(cert(prod, 'Issuer', 'nats-self-signed').spec).toEqual({ selfSigned: {} });
  });

  it("in prod, has every app dial tls:// and trust the CA from the certificate's Secret, and take nothing else of it", () => {
    for (const deployment of prod.filter((m) => m.kind === 'Deployment')) {
      const app = deployment.metadata.name;
      const pod = podTemplateOf(deployment).spec as unknown as {
        volumes: Volume[];
        containers: { env: Env[]; volumeMounts: Mount[] }[];
      };
      const [container] = pod.containers;
      const env = Object.fromEntries(container!.env.map((e) => [e.name, e.value]));
      expect({ app, url: env.NATS_URL, ca: env.NATS_TLS_CA }).toEqual({
        app,
        url: expect.stringMatching(/^tls:\/\//),
        ca: '/etc/nats-tls/ca.crt',
      });
      expect(container!.volumeMounts).toContainEqual({
        name: 'nats-ca',
        mountPath: '/etc/nats-tls',
        readOnly: true,
      });
      expect(pod.volumes).toContainEqual({
        name: 'nats-ca',
        secret: { secretName: 'nats-tls', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
      });
    }
  });

  it('in dev, runs NATS without TLS: a developer cluster has no certificates to manage', () => {
    const dev = committedManifests('dev');
    expect(natsConfOf(dev)).not.toContain('tls {');
    expect(dev.filter((m) => m.apiVersion.startsWith('cert-manager.io/'))).toEqual([]);
    for (const deployment of dev.filter((m) => m.kind === 'Deployment')) {
      const [container] = podTemplateOf(deployment).spec.containers as unknown as { env: Env[] }[];
      expect(container!.env.find((e) => e.name === 'NATS_URL')?.value).toMatch(/^nats:\/\//);
      expect(container!.env.map((e) => e.name)).not.toContain('NATS_TLS_CA');
    }
  });
});

describe('the schema validation', () => {
  it('refuses a broken object', () => {
    const deployment = structuredClone(committedManifests('prod').find((m) => m.kind === 'Deployment')!);
    const container = podTemplateOf(deployment).spec.containers[0]! as unknown as {
      ports: { containerPort: unknown }[];
    };
    container.ports[0]!.containerPort = 'http';
    expect(() => validateAgainstSchema(deployment)).toThrow(/containerPort must be integer/);
  });
});

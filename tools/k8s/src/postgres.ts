import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { k8s } from 'cdk8s-plus-33';
import { databaseEnv } from './apps.js';
import { IMAGE_TAG, POSTGRES_IMAGE, type Environment } from './environments.js';
import { POSTGRES_CLUSTER, migrateLabels } from './labels.js';
import { containerSecurityContext, podSecurityContext, resources, tmpMount, tmpVolume } from './security.js';

/** The services that keep a schema, in the order their migrations run. */
export const migratedServices = [
  'identity',
  'warranty',
  'consultation',
  'repair-orders',
  'logistics',
] as const;

/**
 * PostgreSQL as a CloudNativePG cluster (the operator is a prerequisite of the cluster, see k8s/README.md):
 * one database owned by one role, a schema per service inside it; the operator makes the role's Secret.
 */
export class PostgresCluster extends Construct {
  constructor(scope: Construct, env: Environment) {
    super(scope, 'postgres');
    new ApiObject(this, 'cluster', {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: POSTGRES_CLUSTER },
      spec: {
        instances: env.postgres.instances,
        imageName: POSTGRES_IMAGE,
        primaryUpdateStrategy: 'unsupervised',
        storage: { size: env.postgres.storage },
        resources: { requests: env.postgres.requests, limits: env.postgres.limits },
        bootstrap: { initdb: { database: 'aftersales', owner: 'aftersales' } },
        // Each replica of each service keeps a pool; the outbox relays and projections hold a connection each.
        postgresql: { parameters: { max_connections: '300' } },
      },
    });
  }
}

/**
 * Migrates every service's schema before a release's pods roll: one init container per service, so they run
 * in order and the Job fails on the first that fails. A Job's pod template cannot change, so its name
 * carries the image's tag: a release applies a new Job, the old one is deleted by its TTL.
 */
export class MigrationJob extends Construct {
  constructor(scope: Construct, env: Environment) {
    super(scope, 'migrate');
    const container = (service: (typeof migratedServices)[number]): k8s.Container => ({
      name: `migrate-${service}`,
      image: env.image,
      args: [`apps/${service}/dist/migrate.js`],
      env: [databaseEnv],
      resources: resources(env.app),
      securityContext: containerSecurityContext,
      volumeMounts: [tmpMount],
    });
    const [last, ...before] = [...migratedServices].reverse();
    new k8s.KubeJob(this, 'job', {
      metadata: { name: `migrate-${IMAGE_TAG.replaceAll('.', '-')}`, labels: migrateLabels },
      spec: {
        backoffLimit: 3,
        ttlSecondsAfterFinished: 86_400,
        template: {
          metadata: { labels: migrateLabels },
          spec: {
            restartPolicy: 'Never',
            automountServiceAccountToken: false,
            securityContext: podSecurityContext,
            volumes: [tmpVolume],
            initContainers: before.reverse().map(container),
            containers: [container(last!)],
          },
        },
      },
    });
  }
}

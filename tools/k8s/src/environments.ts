/** What differs between the environments; everything else is the same source. */
export interface Environment {
  name: 'dev' | 'prod';
  namespace: string;
  /** The image of every app (`deploy/Dockerfile`), pinned by tag. */
  image: string;
  host: string;
  /** The Secret holding the ingress's certificate; without it the ingress serves plain HTTP. */
  tlsSecret?: string;
  /** NATS speaks TLS only, to its clients and between its nodes, with certificates cert-manager issues. */
  natsTls: boolean;
  /** HorizontalPodAutoscaler bounds per app. */
  replicas: { gateway: [min: number, max: number]; service: [min: number, max: number] };
  app: Resources;
  nats: Resources & { storage: string };
  postgres: Resources & { instances: number; storage: string };
  seedDemoData: boolean;
  /** The ingress controller's pods, whose `X-Forwarded-For` the gateway believes. */
  trustProxy: string;
}

export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/** The one image of the apps; the Job's name carries its tag, as a Job's template cannot change. */
export const IMAGE_REPOSITORY = 'registry.example.com/aftersales/aftersales';
export const IMAGE_TAG = '0.1.0';
export const NATS_IMAGE = 'nats:2.10.22-alpine';
export const POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql:17.2';

export const environments: readonly Environment[] = [
  {
    name: 'dev',
    namespace: 'aftersales-dev',
    image: `${IMAGE_REPOSITORY}:${IMAGE_TAG}`,
    host: 'aftersales.dev.example.com',
    natsTls: false,
    replicas: { gateway: [1, 2], service: [1, 2] },
    app: { requests: { cpu: '50m', memory: '160Mi' }, limits: { cpu: '500m', memory: '384Mi' } },
    nats: {
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
      storage: '1Gi',
    },
    postgres: {
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { cpu: '1', memory: '512Mi' },
      instances: 1,
      storage: '2Gi',
    },
    seedDemoData: true,
    trustProxy: '10.0.0.0/8',
  },
  {
    name: 'prod',
    namespace: 'aftersales',
    image: `${IMAGE_REPOSITORY}:${IMAGE_TAG}`,
    host: 'aftersales.example.com',
    tlsSecret: 'aftersales-tls',
    natsTls: true,
    replicas: { gateway: [2, 8], service: [2, 6] },
    app: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '768Mi' } },
    nats: {
      requests: { cpu: '250m', memory: '256Mi' },
      limits: { cpu: '2', memory: '1Gi' },
      storage: '20Gi',
    },
    postgres: {
      requests: { cpu: '500m', memory: '1Gi' },
      limits: { cpu: '2', memory: '4Gi' },
      instances: 3,
      storage: '50Gi',
    },
    seedDemoData: false,
    trustProxy: '10.0.0.0/8',
  },
];

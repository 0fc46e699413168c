import { k8s } from 'cdk8s-plus-33';
import type { Resources } from './environments.js';

/** The image's unprivileged user (`USER 1000:1000` in deploy/Dockerfile). */
const UID = 1000;

export const podSecurityContext: k8s.PodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: UID,
  runAsGroup: UID,
  fsGroup: UID,
  seccompProfile: { type: 'RuntimeDefault' },
};

export const containerSecurityContext: k8s.SecurityContext = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

export const resources = ({ requests, limits }: Resources): k8s.ResourceRequirements => ({
  requests: {
    cpu: k8s.Quantity.fromString(requests.cpu),
    memory: k8s.Quantity.fromString(requests.memory),
  },
  limits: { cpu: k8s.Quantity.fromString(limits.cpu), memory: k8s.Quantity.fromString(limits.memory) },
});

/** The one writable place of a read-only root filesystem. */
export const tmpVolume: k8s.Volume = {
  name: 'tmp',
  emptyDir: { sizeLimit: k8s.Quantity.fromString('64Mi') },
};
export const tmpMount: k8s.VolumeMount = { name: 'tmp', mountPath: '/tmp' };

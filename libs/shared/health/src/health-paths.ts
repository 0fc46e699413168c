/**
 * Where every app answers its health, for its own routes and for the Kubernetes probes, which are
 * generated from this file: a probe can only name a path the apps serve.
 */
export const HEALTH_PREFIX = 'health';

export const healthPaths = {
  /** 200 while the process runs: a failing liveness probe restarts the pod. */
  live: `/${HEALTH_PREFIX}/live`,
  /** 200 while the app can do its work (its database and NATS answer), 503 otherwise. */
  ready: `/${HEALTH_PREFIX}/ready`,
} as const;

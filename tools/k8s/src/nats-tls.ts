import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { natsLabels } from './labels.js';

/** The Secret cert-manager writes NATS's certificate into: `tls.crt`, `tls.key` and the CA's `ca.crt`. */
export const NATS_TLS_SECRET = 'nats-tls';
/** Where the NATS pods mount that Secret, and the apps its `ca.crt` alone. */
export const NATS_TLS_DIR = '/etc/nats-tls';

/**
 * A `tls` block of nats.conf. `verify` peers: the cluster's routes check each other's certificate against the
 * CA; clients prove who they are with their NATS user instead.
 */
export const natsTlsBlock = (indent: string, verifyPeers: boolean) =>
  [
    'tls {',
    `  cert_file: ${NATS_TLS_DIR}/tls.crt`,
    `  key_file: ${NATS_TLS_DIR}/tls.key`,
    ...(verifyPeers ? [`  ca_file: ${NATS_TLS_DIR}/ca.crt`, '  verify: true'] : []),
    '  timeout: 2',
    '}',
  ].map((line) => indent + line);

const issuer = (name: string) => ({ name, kind: 'Issuer', group: 'cert-manager.io' });

/**
 * NATS's certificates, issued by cert-manager (a prerequisite, see k8s/README.md) from a CA of NATS's own: a
 * self-signed issuer makes the CA, the CA's issuer signs the servers' certificate for every name a client or
 * a peer dials. Nothing secret is committed, and no certificate leaves the namespace.
 */
export class NatsCertificates extends Construct {
  constructor(scope: Construct, dnsNames: string[]) {
    super(scope, 'nats-tls');
    const labels = natsLabels;
    const object = (id: string, kind: string, name: string, spec: Record<string, unknown>) =>
      new ApiObject(this, id, { apiVersion: 'cert-manager.io/v1', kind, metadata: { name, labels }, spec });

    object('self-signed', 'Issuer', 'nats-self-signed', { selfSigned: {} });
    object('ca', 'Certificate', 'nats-ca', {
      isCA: true,
      commonName: 'aftersales NATS CA',
      secretName: 'nats-ca',
      duration: '87600h',
      privateKey: { algorithm: 'ECDSA', size: 256 },
      issuerRef: issuer('nats-self-signed'),
    });
    object('ca-issuer', 'Issuer', 'nats-ca', { ca: { secretName: 'nats-ca' } });
    // A year, renewed a month before it ends; nats-server reads its certificate at start only, so NATS is
    // restarted within that month (k8s/README.md).
    object('server', 'Certificate', 'nats-server', {
      secretName: NATS_TLS_SECRET,
      duration: '8760h',
      renewBefore: '720h',
      privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
      usages: ['server auth', 'client auth', 'digital signature'],
      dnsNames,
      issuerRef: issuer('nats-ca'),
    });
  }
}

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TlsCertificates {
  /** The CA's certificate, which clients trust. */
  caFile: string;
  /** The server's certificate, signed by the CA, and its key. */
  certFile: string;
  keyFile: string;
}

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * A CA made for the test, and a server certificate it signed for `hosts` (names and IP addresses), valid
 * for a day, written into `folder` as `ca.crt`, `tls.crt` and `tls.key`: the files cert-manager puts in a
 * certificate's Secret. The certificate serves both ends of a TLS link, as NATS's cluster routes need.
 */
export function makeTlsCertificates(folder: string, hosts: string[]): TlsCertificates {
  const file = (name: string) => join(folder, name);
  openssl([
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
    '-days',
    '1',
    '-subj',
    '/CN=aftersales test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  openssl(['req', ...ecKey, '-keyout', file('tls.key'), '-out', file('tls.csr'), '-subj', `/CN=${hosts[0]}`]);
  const names = hosts.map((host) => (/^[\d.]+$/.test(host) ? `IP:${host}` : `DNS:${host}`));
  writeFileSync(
    file('tls.ext'),
    `subjectAltName=${names.join(',')}\nextendedKeyUsage=serverAuth,clientAuth\n`,
  );
  openssl([
    'x509',
    '-req',
    '-in',
    file('tls.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('tls.crt'),
    '-days',
    '1',
    '-extfile',
    file('tls.ext'),
  ]);
  return { caFile: file('ca.crt'), certFile: file('tls.crt'), keyFile: file('tls.key') };
}

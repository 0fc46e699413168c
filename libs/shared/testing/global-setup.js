// Jest loads its global setup outside its module transform, so this file and the teardown are plain
// JavaScript; the helpers tests import are TypeScript under src/.
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

const services = [
  {
    name: 'PostgreSQL',
    port: 5432,
    start: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    install: 'apt-get install -y postgresql',
  },
  {
    name: 'NATS with JetStream',
    port: 4222,
    start:
      'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- ' +
      '-a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
    install: 'apt-get install -y nats-server',
  },
];

function answers(port) {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port, timeout: 1_000 });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function ensure(service) {
  if (await answers(service.port)) return;
  console.log(`${service.name} is not answering on 127.0.0.1:${service.port}; starting it`);
  try {
    execSync(service.start, { stdio: 'inherit', shell: '/bin/bash' });
  } catch {
    // The wait below reports the failure with the commands to run.
  }
  for (let attempt = 0; attempt < 40; attempt++) {
    if (await answers(service.port)) return;
    await sleep(250);
  }
  throw new Error(
    `${service.name} does not answer on 127.0.0.1:${service.port} and could not be started. ` +
      `Start it with: ${service.start} (install it with: ${service.install})`,
  );
}

async function ensureJetStream() {
  const connection = await connect({ servers: 'nats://127.0.0.1:4222' });
  try {
    await (await jetstreamManager(connection)).getAccountInfo();
  } catch (error) {
    throw new Error('NATS answers on 127.0.0.1:4222 but JetStream is off (start nats-server with -js)', {
      cause: error,
    });
  } finally {
    await connection.close();
  }
}

/** Chromium for the browser tests, and a CJK font so that their screenshots show Chinese text. */
function ensureBrowser() {
  const missing = [
    ['/usr/bin/chromium', 'chromium'],
    ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'fonts-wqy-microhei'],
  ].filter(([path]) => !existsSync(path));
  if (missing.length === 0) return;
  const packages = missing.map(([, name]) => name).join(' ');
  console.log(`Installing ${packages} for the browser tests`);
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
  } catch {
    throw new Error(`The browser tests need ${packages}; install with: apt-get install -y ${packages}`);
  }
}

export default async function globalSetup() {
  console.log(`\nTests run on Node.js ${process.version}`);
  for (const service of services) await ensure(service);
  await ensureJetStream();
  ensureBrowser();
  // Names everything this run creates on the shared servers (see src/test-run.ts).
  const run = randomBytes(4).toString('hex');
  process.env.AFTERSALES_TEST_RUN = run;
  console.log(`Test run ${run}: its databases and subjects are named t${run}_*`);
}

import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';

/** Drops every database this run created (see src/databases.ts). */
async function dropDatabases(run) {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    const { rows } = await admin.query('select datname from pg_database where datname like $1', [
      `t${run}\\_%`,
    ]);
    for (const { datname } of rows) await admin.query(`drop database "${datname}" with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * Deletes every JetStream stream this run made on the shared NATS (its namespaces start `t<run>_`; the KV
 * and object-store buckets are streams too): hundreds left behind slow every later run down.
 */
async function deleteStreams(run) {
  const connection = await connect({ servers: 'nats://127.0.0.1:4222' });
  try {
    const jsm = await jetstreamManager(connection);
    const ours = new RegExp(`^(KV_|OBJ_)?t${run}_`, 'i');
    for await (const name of jsm.streams.names()) {
      if (ours.test(name)) await jsm.streams.delete(name);
    }
  } finally {
    await connection.close();
  }
}

export default async function globalTeardown() {
  const run = process.env.AFTERSALES_TEST_RUN;
  await Promise.all([dropDatabases(run), deleteStreams(run)]);
}

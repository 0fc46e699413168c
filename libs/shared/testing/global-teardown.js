import pg from 'pg';

/** Drops every database this run created (see src/databases.ts). */
export default async function globalTeardown() {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    const { rows } = await admin.query('select datname from pg_database where datname like $1', [
      `t${process.env.AFTERSALES_TEST_RUN}\\_%`,
    ]);
    for (const { datname } of rows) await admin.query(`drop database "${datname}" with (force)`);
  } finally {
    await admin.end();
  }
}

import Fastify from 'fastify';
import pg from 'pg';
import { FIND_BY_SN_SQL } from '@aftersales/warranty-data-access';

/**
 * The baseline: a bare Fastify route that sends the warranty service's lookup query (the same SQL text, as
 * the same named prepared statement) through a pg pool of the size the services use, and answers with the
 * row as JSON. No Nest, no bus, no authentication: what is left is HTTP, the driver and PostgreSQL. Runs as a
 * process of its own, so that it does not share an event loop with the load.
 */

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// The teardown drops the database under an idle pool; without a listener that would end the process loudly.
pool.on('error', () => undefined);

const app = Fastify();

app.get<{ Params: { sn: string } }>('/api/warranty/:sn', async (request, reply) => {
  const { sn } = request.params;
  const query = { name: 'warranty_find_by_sn', text: FIND_BY_SN_SQL, values: [sn] };
  const device = (await pool.query(query)).rows[0];
  if (!device) return reply.code(404).send({ statusCode: 404, message: `No machine with SN ${sn}` });
  return device;
});

const close = () => void app.close().then(() => pool.end());
process.once('SIGTERM', close);
process.once('SIGINT', close);

const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`Ready: open ${url}`);

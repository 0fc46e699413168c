import Fastify from 'fastify';
import pg from 'pg';

/**
 * The baseline: a bare Fastify route that sends the warranty service's lookup queries (the SQL Drizzle
 * generates for `DeviceRepository.findBySns`, word for word) through a pg pool of the size the services
 * use, and answers with the rows as JSON. No Nest, no bus, no authentication: what is left is HTTP, the
 * driver and PostgreSQL. Runs as a process of its own, so that it does not share an event loop with the load.
 */

const DEVICE = `select "warranty"."devices"."sn", "warranty"."devices"."model", "warranty"."devices"."shipped_on", "warranty"."warranty_policies"."months" from "warranty"."devices" left join "warranty"."warranty_policies" on "warranty"."warranty_policies"."model" = "warranty"."devices"."model" where "warranty"."devices"."sn" in ($1)`;
const EXTENSIONS = `select "id", "sn", "months", "reason", "granted_at" from "warranty"."warranty_extensions" where "warranty"."warranty_extensions"."sn" in ($1) order by "warranty"."warranty_extensions"."granted_at" asc`;

interface DeviceRow {
  sn: string;
  model: string;
  shipped_on: Date;
  months: number | null;
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// The teardown drops the database under an idle pool; without a listener that would end the process loudly.
pool.on('error', () => undefined);

const app = Fastify();

app.get<{ Params: { sn: string } }>('/api/warranty/:sn', async (request, reply) => {
  const { sn } = request.params;
  const device = (await pool.query<DeviceRow>(DEVICE, [sn])).rows[0];
  if (!device) return reply.code(404).send({ statusCode: 404, message: `No machine with SN ${sn}` });
  const extensions = (await pool.query(EXTENSIONS, [sn])).rows;
  return {
    sn: device.sn,
    model: device.model,
    shippedOn: device.shipped_on,
    policyMonths: device.months,
    extensions,
  };
});

const close = () => void app.close().then(() => pool.end());
process.once('SIGTERM', close);
process.once('SIGINT', close);

const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`Ready: open ${url}`);

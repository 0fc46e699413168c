// One life of a consuming service, for consumer-crash.int.spec.ts, which SIGKILLs it mid-batch. Plain
// JavaScript run by Node itself, so the libraries it imports are their builds (dist/), as deployed.
import { sql } from 'drizzle-orm';
import { processOnce } from '@aftersales/shared-event-store';
import { JetStreamEventBus } from '@aftersales/shared-messaging';
import { openPostgres } from '@aftersales/shared-persistence';

function setting(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
const schema = setting('CONSUMER_SCHEMA');
const durable = setting('CONSUMER_DURABLE');
const life = Number(setting('CONSUMER_LIFE'));
/** A life may crash itself right after this many effects, between an effect's commit and its ack. */
const crashAfter = Number(process.env.CONSUMER_CRASH_AFTER ?? Infinity);
let effects = 0;

// The test owns this process: its end of the pipe closes when the test process ends, however it ends.
process.stdin.on('end', () => process.exit(1)).resume();

const connection = await openPostgres(setting('DATABASE_URL'));
const bus = await JetStreamEventBus.connect({
  url: setting('NATS_URL'),
  namespace: setting('NATS_NAMESPACE'),
});
await bus.consume(
  {
    service: setting('CONSUMER_SERVICE'),
    durable,
    filterSubject: setting('CONSUMER_FILTER'),
    // A killed life's last message comes back to the next life this soon.
    ackWaitMs: 1_000,
  },
  async (delivery) => {
    const applied = await processOnce(connection.db, schema, durable, delivery.id, async (tx) => {
      await tx.execute(
        sql`insert into ${sql.identifier(schema)}.applied_events (event_id, life) values (${delivery.id}::uuid, ${life})`,
      );
    });
    // Printed once the effect committed and before the ack, where a crash hurts most.
    process.stdout.write(`${applied ? 'applied' : 'skipped'} ${delivery.id}\n`);
    if (applied && ++effects === crashAfter) process.kill(process.pid, 'SIGKILL');
  },
);
process.stdout.write(`consuming with ${import.meta.resolve('@aftersales/shared-messaging')}\n`);

import { randomBytes } from 'node:crypto';

/** Set by the global setup: a short id that names everything the run creates on shared servers. */
const RUN_VARIABLE = 'AFTERSALES_TEST_RUN';

function testRunId(): string {
  const id = process.env[RUN_VARIABLE];
  if (!id) throw new Error(`${RUN_VARIABLE} is not set: run the tests through jest's global setup`);
  return id;
}

/** A name no other run or test uses: `t<run>_<label>_<random>`, safe for databases and NATS subjects. */
export function uniqueName(label: string): string {
  return `t${testRunId()}_${label}_${randomBytes(4).toString('hex')}`;
}

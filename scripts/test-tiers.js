// `npm test`'s test run: the unit and integration tiers with one Jest worker, then the end-to-end tier with
// two, ending the output with one `tests:` line for both. The integration tests time leases and read events in
// global order, which any transaction of the server holds back, so they run alone; the end-to-end suites
// mostly wait for apps and browsers, and two at a time overlap those waits on CI's 2-core machines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = [
  ['--selectProjects', 'unit', 'integration', '--maxWorkers=1'],
  ['--selectProjects', 'e2e', '--maxWorkers=2'],
];

const folder = mkdtempSync(join(tmpdir(), 'aftersales-tests-'));
const total = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
runs.forEach((args, index) => {
  const summaryFile = join(folder, `${index}.json`);
  const run = spawnSync('jest', args, {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', TEST_SUMMARY_FILE: summaryFile },
  });
  ok &&= run.status === 0;
  try {
    const counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
    for (const key of Object.keys(total)) total[key] += counts[key];
  } catch {
    // A run that ended before reporting (it could not start) counts as failed.
    ok = false;
  }
});
rmSync(folder, { recursive: true, force: true });
process.stdout.write(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(ok ? 0 : 1);

import { writeFileSync, writeSync } from 'node:fs';

/**
 * Ends the output with one plain line, `tests: N passed, N failed, N skipped`, that CI reads whatever the
 * runner. It is written at exit, after Jest's own summary and closing remarks; with `TEST_SUMMARY_FILE` set
 * the counts also go to that file, for `npm test` to add up its runs.
 */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } =
      results;
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    const skipped = numPendingTests + numTodoTests;
    const line = `tests: ${numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
    if (process.env.TEST_SUMMARY_FILE) {
      writeFileSync(
        process.env.TEST_SUMMARY_FILE,
        JSON.stringify({ passed: numPassedTests, failed, skipped }),
      );
    }
    process.once('exit', () => writeSync(1, line));
  }
}

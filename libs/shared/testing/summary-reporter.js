import { writeSync } from 'node:fs';

/**
 * Ends the output with one plain line, `tests: N passed, N failed, N skipped`, that CI reads whatever the
 * runner. It is written at exit, after Jest's own summary and closing remarks.
 */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } =
      results;
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    const skipped = numPendingTests + numTodoTests;
    const line = `tests: ${numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
    process.once('exit', () => writeSync(1, line));
  }
}

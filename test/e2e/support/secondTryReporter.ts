import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestCase } from 'vitest/node';

/**
 * Browser tests get one second try (vitest.config.ts): a real Chromium against a real server on a shared
 * 2-core machine. A test that needed it is still a defect to find, so this reporter writes their names to
 * .tmp/e2e-second-try.json, and `npm test` prints them above its last line.
 */
export default class SecondTryReporter implements Reporter {
  private readonly names: string[] = [];

  onTestCaseResult(testCase: TestCase): void {
    if (testCase.diagnostic()?.flaky) this.names.push(`${testCase.module.moduleId.split('/test/e2e/')[1] ?? testCase.module.moduleId} > ${testCase.fullName}`);
  }

  onTestRunEnd(): void {
    mkdirSync('.tmp', { recursive: true });
    writeFileSync('.tmp/e2e-second-try.json', JSON.stringify(this.names, null, 2));
  }
}

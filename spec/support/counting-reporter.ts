/** A Jasmine reporter that counts outcomes and ends with a plain `runner: N passed, N failed` line. */
export function countingReporter(runner: string, done: (line: string, executed: number) => void): jasmine.CustomReporter {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  return {
    specDone(result) {
      if (result.status === 'passed') passed++;
      else if (result.status === 'failed') failed++;
      else skipped++;
    },
    jasmineDone() {
      const tail = skipped > 0 ? `, ${skipped} skipped` : '';
      done(`${runner}: ${passed} passed, ${failed} failed${tail}`, passed + failed);
    },
  };
}

/** Outcome counts of one Jasmine run, and how long each spec file took. */
export interface RunTotals {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Milliseconds per spec file (summed over its specs), keyed by path relative to the working directory. */
  readonly fileDurations: Readonly<Record<string, number>>;
}

/** A Jasmine reporter that counts outcomes and spec-file durations, and hands them over when the run ends. */
export function countingReporter(done: (totals: RunTotals) => void): jasmine.CustomReporter {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const fileDurations: Record<string, number> = {};
  return {
    specDone(result) {
      if (result.status === 'passed') passed++;
      else if (result.status === 'failed') failed++;
      else skipped++;
      const { filename, duration } = result as { filename?: string; duration?: number | null };
      if (filename) {
        const key = relativeToCwd(filename);
        fileDurations[key] = (fileDurations[key] ?? 0) + (duration ?? 0);
      }
    },
    jasmineDone() {
      done({ passed, failed, skipped, fileDurations });
    },
  };
}

/** `runner: N passed, N failed[, N skipped]`: the closing line CI reads. */
export function closingLine(runner: string, totals: Pick<RunTotals, 'passed' | 'failed' | 'skipped'>): string {
  const tail = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
  return `${runner}: ${totals.passed} passed, ${totals.failed} failed${tail}`;
}

function relativeToCwd(path: string): string {
  const cwd = typeof process === 'undefined' ? '' : `${process.cwd()}/`;
  return cwd && path.startsWith(cwd) ? path.slice(cwd.length) : path;
}

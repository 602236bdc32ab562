import { formatDatetime } from '../../lib/cli/output/format.js';
import { fileLine, groupLine } from '../../lib/cli/output/format-file.js';
import { ProgressBar } from '../../lib/cli/output/progress-bar.js';
import { SyncProgress } from '../../lib/cli/sync/sync-progress.js';
import type { FileInfo } from '../../lib/resources/file-info.js';

/** A terminal that keeps every progress line drawn (no throttling: each update draws). */
function drawnLines(): { bar: ProgressBar; lines: string[] } {
  const lines: string[] = [];
  const sink = { isTTY: true, columns: 120, write: (text: string) => void lines.push(text.replace('\r\x1b[K', '')) };
  return { bar: new ProgressBar(sink, 'sync', { minIntervalMs: 0, now: () => 0 }), lines };
}

function percents(lines: readonly string[]): number[] {
  return lines.flatMap((line) => {
    const match = /(\d+)%/.exec(line);
    return match ? [Number(match[1])] : [];
  });
}

// Issue 12: sync's percentage ran backwards (37% then 24%) because files kept being planned after the listing ended.
describe('SyncProgress', () => {
  it('shows no percentage until every listed file is planned or skipped, then one that never runs backwards', () => {
    const { bar, lines } = drawnLines();
    const progress = new SyncProgress(bar);
    for (let i = 0; i < 3; i++) progress.find();
    progress.listed();
    progress.plan(100);
    progress.received(100);
    progress.fileDone();
    expect(percents(lines)).withContext(lines.join('\n')).toEqual([]);
    expect(lines.at(-1)).toContain('sync 1/1+ files');

    progress.plan(300);
    progress.skip();
    expect(lines.at(-1)).toContain('sync 1/2 files');
    progress.received(300);
    progress.fileDone();
    expect(percents(lines)).toEqual([25, 100, 100]);
  });

  it('never shows a percentage when a size is unknown (renditions with effects)', () => {
    const { bar, lines } = drawnLines();
    const progress = new SyncProgress(bar);
    progress.find();
    progress.find();
    progress.plan(10);
    progress.plan(null);
    progress.listed();
    progress.received(50);
    expect(percents(lines)).toEqual([]);
    expect(lines.at(-1)).toContain('sync 0/2 files');
  });
});

// Issue 12: list printed the REST API's microseconds, list_groups milliseconds.
describe('dates printed for people', () => {
  it('come in one format, ISO 8601 UTC to the second, for files and groups', () => {
    const info = { uuid: 'u', size: 1, original_filename: 'a.txt', datetime_uploaded: '2024-05-01T10:11:17.299000Z', datetime_stored: null, datetime_removed: null } as unknown as FileInfo;
    expect(fileLine(info)).toContain('  2024-05-01T10:11:17Z  ');
    expect(groupLine({ id: 'g~1', files_count: 1, cdn_url: 'x', datetime_created: new Date('2024-05-01T10:11:33.003Z').toISOString() })).toContain('  2024-05-01T10:11:33Z  ');
    expect(formatDatetime('not a date')).toBe('not a date');
  });
});

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningEmulator } from 'rxuploadcare-emulator';
import { addFiles, addImageFiles, type Fixtures } from './fixtures.js';
import { THUMBNAIL_CONCURRENCY, THUMBNAIL_EFFECTS, THUMBNAIL_SOURCE } from './worker/protocol.js';
import type { BenchOptions, ScenarioId } from './options.js';
import type { Task, WorkerResult } from './worker/protocol.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/** What a scenario's runs share. */
export interface ScenarioContext {
  readonly options: BenchOptions;
  readonly fixtures: Fixtures;
  readonly publicKey: string;
}

/** One run, prepared on a fresh emulator: the worker's task, and the check that the work was really done. */
export interface PreparedRun {
  readonly task: Task;
  /** Returns what is wrong with the run (units short, files missing...), or null when it did the work. */
  check(result: WorkerResult, emulator: RunningEmulator): string | null;
}

/** A scenario's unit of work (`thumbnail`) and how many of them one run does. */
export interface ScenarioUnit {
  readonly name: string;
  readonly perRun: number;
}

/** One scenario of issue 8. */
export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  /** The sizes used, for the report. */
  sizes(options: BenchOptions): string;
  /** Bytes uploaded per run, for throughput; 0 when throughput means nothing here. */
  bytesPerRun(options: BenchOptions): number;
  /** The unit of work a time per unit is reported for, and how many a run does (none: no such column). */
  unit?(options: BenchOptions): ScenarioUnit;
  prepare(emulator: RunningEmulator, context: ScenarioContext): Promise<PreparedRun>;
}

function expectUnits(expected: number): (result: WorkerResult) => string | null {
  return (result) => (result.units === expected ? null : `reported ${result.units} units of work, expected ${expected}`);
}

function filesOfSize(emulator: RunningEmulator, publicKey: string, size: number): number {
  return emulator.store.filesOf(publicKey).filter((file) => file.size === size && file.datetimeRemoved === null).length;
}

function uploadedCheck(publicKey: string, size: number, count: number): PreparedRun['check'] {
  return (result, emulator) => {
    const units = expectUnits(count)(result);
    if (units) return units;
    const found = filesOfSize(emulator, publicKey, size);
    return found === count ? null : `the emulator holds ${found} files of ${size} bytes, expected ${count}`;
  };
}

function listScenario(id: 'list-100' | 'list-1000', pageSize: number): Scenario {
  return {
    id,
    title: `List files, pages of ${pageSize}`,
    sizes: (options) => `${options.listFiles} files, \`limit=${pageSize}\`, every item consumed`,
    bytesPerRun: () => 0,
    prepare: async (emulator, { options, publicKey }) => {
      await addFiles(emulator, publicKey, options.listFiles, true);
      return { task: { kind: 'list', pageSize }, check: expectUnits(options.listFiles) };
    },
  };
}

function multipartScenario(id: 'multipart' | 'multipart-stream', title: string, from: string, mib: (options: BenchOptions) => number): Scenario {
  return {
    id,
    title,
    sizes: (options) => `${mib(options)} MiB, ${from}, 5 MiB parts, 4 in flight`,
    bytesPerRun: (options) => mib(options) * MiB,
    prepare: async (_emulator, { options, fixtures, publicKey }) => {
      const size = mib(options) * MiB;
      return { task: { kind: id, path: await fixtures.bigFile(size), size }, check: uploadedCheck(publicKey, size, 1) };
    },
  };
}

/** The loopback source of a from-URL scenario: its size and, for a slow one, its speed. */
interface FromUrlSource {
  readonly bytes: number;
  readonly bytesPerSecond?: number;
}

function fromUrlScenario(id: 'from-url-small' | 'from-url' | 'from-url-slow', title: string, sourceOf: (options: BenchOptions) => FromUrlSource): Scenario {
  return {
    id,
    title,
    sizes: (options) => {
      const { bytes, bytesPerSecond } = sourceOf(options);
      const size = bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`;
      return `${size} source served on loopback${bytesPerSecond ? ` at ${bytesPerSecond / KiB} KiB/s` : ''}`;
    },
    // The time is mostly waiting for the next status poll: a throughput would measure the poll interval.
    bytesPerRun: () => 0,
    prepare: async (_emulator, { options, fixtures, publicKey }) => {
      const { bytes, bytesPerSecond } = sourceOf(options);
      return { task: { kind: 'from-url', url: await fixtures.sourceUrl(bytes, bytesPerSecond) }, check: uploadedCheck(publicKey, bytes, 1) };
    },
  };
}

/** The scenarios, in report order. */
export const SCENARIOS: readonly Scenario[] = [
  listScenario('list-100', 100),
  listScenario('list-1000', 1000),
  multipartScenario('multipart', 'Upload one file from disk (multipart)', 'file on disk', (options) => options.multipartMiB),
  multipartScenario('multipart-stream', 'Upload one file from a stream (multipart)', 'read stream of a file (`fromStream`)', (options) => options.multipartStreamMiB),
  {
    id: 'small-uploads',
    title: 'Upload many small files, 8 at a time',
    sizes: (options) => `${options.smallFiles} files of ${options.smallKiB} KiB, ${options.smallConcurrency} in flight`,
    bytesPerRun: (options) => options.smallFiles * options.smallKiB * KiB,
    prepare: async (_emulator, { options, publicKey }) => ({
      task: { kind: 'small-uploads', count: options.smallFiles, size: options.smallKiB * KiB, concurrency: options.smallConcurrency },
      check: uploadedCheck(publicKey, options.smallKiB * KiB, options.smallFiles),
    }),
  },
  fromUrlScenario('from-url-small', 'Upload from URL until success, small source', (options) => ({ bytes: options.fromUrlSmallMiB * MiB })),
  fromUrlScenario('from-url', 'Upload from URL until success', (options) => ({ bytes: options.fromUrlMiB * MiB })),
  fromUrlScenario('from-url-slow', 'Upload from URL until success, slow source', (options) => ({
    bytes: options.fromUrlSlowKiB * KiB,
    bytesPerSecond: options.fromUrlSlowKiBps * KiB,
  })),
  {
    id: 'store-delete',
    title: 'Store, then delete, many files (batches)',
    sizes: (options) => `${options.batchFiles} files stored then deleted, 100 UUIDs per request`,
    bytesPerRun: () => 0,
    prepare: async (emulator, { options, fixtures, publicKey }) => {
      const uuids = await addFiles(emulator, publicKey, options.batchFiles, false);
      const uuidsFile = join(fixtures.dir, `uuids-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.json`);
      await writeFile(uuidsFile, JSON.stringify(uuids));
      return {
        task: { kind: 'store-delete', uuidsFile },
        check: (result, running) => {
          const units = expectUnits(2 * uuids.length)(result);
          if (units) return units;
          const left = uuids.filter((uuid) => running.store.fileByUuid(uuid)?.datetimeRemoved === null).length;
          return left === 0 ? null : `${left} files are not deleted`;
        },
      };
    },
  },
  {
    id: 'info',
    title: 'Per-request overhead: sequential file info',
    sizes: (options) => `${options.infoCalls} \`file info\` calls, one at a time`,
    bytesPerRun: () => 0,
    prepare: async (emulator, { options, publicKey }) => {
      const [uuid] = await addFiles(emulator, publicKey, 1, true);
      return { task: { kind: 'info', uuid: uuid as string, calls: options.infoCalls }, check: expectUnits(options.infoCalls) };
    },
  },
  {
    id: 'thumbnails',
    title: 'Thumbnails through the CDN',
    sizes: (options) =>
      `${options.thumbnails} PNG images of ${THUMBNAIL_SOURCE.width}x${THUMBNAIL_SOURCE.height}, \`-/${THUMBNAIL_EFFECTS}\` each, ` +
      `${THUMBNAIL_CONCURRENCY} at a time (a browser's connections per host), every one rendered anew by the emulator's CDN (sharp)`,
    bytesPerRun: () => 0,
    unit: (options) => ({ name: 'thumbnail', perRun: options.thumbnails }),
    prepare: async (emulator, { options, publicKey }) => {
      const uuids = await addImageFiles(emulator, publicKey, options.thumbnails, THUMBNAIL_SOURCE);
      return { task: { kind: 'thumbnails', uuids, concurrency: THUMBNAIL_CONCURRENCY }, check: expectUnits(options.thumbnails) };
    },
  },
];

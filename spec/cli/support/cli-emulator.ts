import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { builtCli, type CliRun, lines, runCli, tempDir, useCliTimeout } from './built-cli.js';

/** The built CLI against an emulator of its own, in a working directory of its own. */
export interface CliAgainstEmulator {
  readonly emulator: RunningEmulator;
  readonly work: string;
  /** Runs `ucare --api_base <emulator> ...args` in {@link work}. */
  ucare(...args: string[]): Promise<CliRun>;
  /** Writes `content` to `name` in {@link work}, uploads it (`--json upload ...flags name`) and returns its UUID. */
  upload(name: string, content: string, ...flags: string[]): Promise<string>;
}

/** A run's stdout as the JSON documents `--json` prints, one a line. */
export function jsonLines(run: CliRun): Record<string, unknown>[] {
  return lines(run.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Builds the CLI and starts an emulator around the enclosing `describe` (with the CLI's spec timeout); the returned
 * object is usable inside its specs.
 */
export function useCliAgainstEmulator(): CliAgainstEmulator {
  useCliTimeout();
  let started: { readonly emulator: RunningEmulator; readonly work: string } | undefined;
  beforeAll(async () => {
    await builtCli();
    started = { emulator: await startEmulator({ port: 0 }), work: tempDir() };
  }, 180_000);
  afterAll(async () => {
    await started?.emulator.close();
  });
  const current = (): { readonly emulator: RunningEmulator; readonly work: string } => {
    if (!started) throw new Error('the emulator is not started yet: use it inside a spec');
    return started;
  };
  const ucare = (...args: string[]): Promise<CliRun> => runCli(['--api_base', `${current().emulator.url}/`, ...args], { cwd: current().work });
  return {
    get emulator() {
      return current().emulator;
    },
    get work() {
      return current().work;
    },
    ucare,
    async upload(name, content, ...flags) {
      writeFileSync(join(current().work, name), content);
      const run = await ucare('--json', 'upload', ...flags, name);
      expect(run.code).withContext(run.stderr).toBe(0);
      return jsonLines(run)[0]?.['uuid'] as string;
    },
  };
}

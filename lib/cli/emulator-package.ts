import type * as EmulatorModule from 'rxuploadcare-emulator';
import { CliError } from './output/cli-error.js';
import { ExitCode } from './output/exit-codes.js';

/** The package `ucare emulator` and `--emulator` run: an optional peer dependency, installed beside rxuploadcare. */
export const EMULATOR_PACKAGE = 'rxuploadcare-emulator';

/** What the emulator package exports. */
export type EmulatorPackage = typeof EmulatorModule;

/** `ucare emulator` or `ucare --emulator` where the emulator package is not installed. */
export class EmulatorNotInstalledError extends CliError {
  /** The package to install. */
  readonly packageName = EMULATOR_PACKAGE;

  constructor() {
    super(`the emulator is a separate package: install it with \`npm install --save-dev ${EMULATOR_PACKAGE}\``, ExitCode.other);
  }
}

/** Node's "no such package" for the emulator package itself (not for a module the emulator fails to find). */
function isEmulatorMissing(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && message.includes(`'${EMULATOR_PACKAGE}'`);
}

/**
 * Loads the emulator package at run time, so that the library neither depends on it nor pays for its modules at
 * start-up; fails with {@link EmulatorNotInstalledError} when it is not installed.
 */
export async function loadEmulator(): Promise<EmulatorPackage> {
  try {
    return await import('rxuploadcare-emulator');
  } catch (error) {
    throw isEmulatorMissing(error) ? new EmulatorNotInstalledError() : error;
  }
}

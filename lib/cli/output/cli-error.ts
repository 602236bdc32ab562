import type { ExitCodeValue } from './exit-code.js';

/** A failure the CLI itself reports (some files of a batch failed, a download was refused), with its exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
  }
}

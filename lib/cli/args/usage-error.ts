/** A command line that cannot be run as given (unknown option, missing argument, bad value): exit code "usage". */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    /** The command whose usage was wrong, to point at its `--help`; undefined for global mistakes. */
    readonly command?: string,
  ) {
    super(message);
  }
}

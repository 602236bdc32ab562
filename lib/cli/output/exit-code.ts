/** The exit codes of `ucare`: scripts can tell failures apart without parsing messages. */
export const ExitCode = {
  ok: 0,
  /** Anything not listed below: server errors, network failures, failed uploads, local I/O. */
  other: 1,
  /** Bad command line or arguments (unknown option, malformed UUID, missing configuration). */
  usage: 2,
  /** The server refused the keys, or no keys are configured. */
  auth: 3,
  /** A file, group or page that does not exist (404), or a local file that does not exist. */
  notFound: 4,
  /** Throttled (429) beyond the retries, or a timeout. */
  throttledOrTimeout: 5,
  /** Interrupted (Ctrl-C), as shells report SIGINT. */
  interrupted: 130,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

import {
  AuthenticationError,
  InvalidParamError,
  InvalidRequestError,
  ThrottledRequestError,
  TimeoutError,
} from '../../errors.js';
import { UsageError } from '../args/usage-error.js';
import { CliError } from './cli-error.js';

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

/** The exit code for an error that ended a command. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof UsageError || error instanceof InvalidParamError) return ExitCode.usage;
  if (error instanceof AuthenticationError) return ExitCode.auth;
  if (error instanceof ThrottledRequestError || error instanceof TimeoutError) return ExitCode.throttledOrTimeout;
  if (error instanceof InvalidRequestError && error.status === 404) return ExitCode.notFound;
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return ExitCode.notFound;
  if (error instanceof InvalidRequestError) return ExitCode.usage;
  return ExitCode.other;
}

/**
 * The message of an error, for `ERROR: <message>`: one line, with any secret that slipped into it masked. The library
 * never puts the secret in an error; this is a second guard, as the CLI prints whatever reaches it.
 */
export function errorMessage(error: unknown, secrets: readonly string[]): string {
  let message = error instanceof Error ? error.message : String(error);
  if (error instanceof InvalidRequestError && error.status === 404 && !/not found/i.test(message)) {
    message = `not found: ${message}`;
  }
  for (const secret of secrets) {
    if (secret.length >= 4) message = message.split(secret).join('***');
  }
  return message.replace(/\s*\n\s*/g, ' ').trim() || (error instanceof Error ? error.name : 'unknown error');
}

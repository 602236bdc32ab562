import {
  AuthenticationError,
  InvalidParamError,
  InvalidRequestError,
  ThrottledRequestError,
  TimeoutError,
} from '../../errors.js';
import { UsageError } from '../args/usage-error.js';
import { CliError } from './cli-error.js';
import { ExitCode, type ExitCodeValue } from './exit-code.js';

export { ExitCode, type ExitCodeValue } from './exit-code.js';

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

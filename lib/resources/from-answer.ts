import { APIError, InvalidParamError } from '../errors.js';

/**
 * Builds a resource (File, FileGroup) from what a server sent. The resource constructors check their argument as a
 * caller's, with InvalidParamError ("your argument"); a bad value in an answer is the server's fault: it becomes an
 * APIError saying `what`, with the offending part of the answer as its body.
 */
export function fromAnswer<T>(what: string, answer: unknown, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof InvalidParamError) throw new APIError(`${what}: ${error.message}`, { body: answer, cause: error });
    throw error;
  }
}

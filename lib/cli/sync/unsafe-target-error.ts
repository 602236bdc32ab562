/**
 * A sync target that cannot be written without leaving the target directory: a component below it is a symbolic
 * link (it could point anywhere), or is not a directory.
 */
export class UnsafeTargetError extends Error {
  override readonly name = 'UnsafeTargetError';

  constructor(
    /** The offending path. */
    readonly path: string,
    /** Why it was refused, e.g. `is a symbolic link`. */
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
  }
}

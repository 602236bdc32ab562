/** An option that the emulator refuses, with the option's name. */
export class EmulatorOptionError extends Error {
  override readonly name = 'EmulatorOptionError';
  constructor(
    readonly option: string,
    readonly reason: string,
  ) {
    super(`Invalid emulator option ${option}: ${reason}`);
  }
}

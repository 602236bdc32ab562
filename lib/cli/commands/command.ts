import type { Observable } from 'rxjs';
import type { Uploadcare } from '../../client.js';
import type { OptionValues } from '../args/option-values.js';
import type { CommandSpec } from '../args/spec.js';
import type { CliIo } from '../output/io.js';
import type { Output } from '../output/output.js';

/** What a command runs with. */
export interface CommandContext {
  readonly options: OptionValues;
  readonly positionals: readonly string[];
  readonly out: Output;
  readonly io: CliIo;
  /** The client configured from arguments, environment and config files; checks the keys the command needs. */
  client(needs: { readonly secret: boolean }): Uploadcare;
}

/** A `ucare` command: its grammar and help as data, and what it does. */
export interface Command {
  readonly spec: CommandSpec;
  /** Runs the command; it ends when the Observable completes. Unsubscribing (Ctrl-C) aborts what is in flight. */
  run(context: CommandContext): Observable<unknown>;
  /** True for commands that run until interrupted (`emulator`): Ctrl-C is their normal end, exit code 0. */
  readonly endsOnInterrupt?: boolean;
}

/** How an option takes its value. */
export type OptionKind =
  /** `--store`; negated by `--nostore` / `--no-store`. */
  | 'flag'
  | 'string'
  /** A whole number >= 0. */
  | 'integer'
  /** A number of seconds >= 0, fractions allowed. */
  | 'seconds'
  /** An ISO 8601 date or date-time. */
  | 'date'
  /** `true`, `false` or `none` (both), as the seed's `--stored` / `--removed`. */
  | 'tristate'
  /** One or more values: `--uuids a b c`, `--uuids a,b`, or repeated. */
  | 'list';

/** One option of a command (or of every command). Names are snake_case; the kebab spelling is accepted too. */
export interface OptionSpec {
  readonly key: string;
  readonly kind: OptionKind;
  /** Other names for the same option, e.g. `public_key` for `pub_key`. */
  readonly aliases?: readonly string[];
  /** Placeholder shown in help, e.g. `UUID`. */
  readonly valueName?: string;
  readonly description: string;
}

/** A positional argument. */
export interface PositionalSpec {
  readonly name: string;
  /** `one`: exactly one; `optional`: zero or one; `many`: one or more. */
  readonly arity: 'one' | 'optional' | 'many';
  readonly description: string;
}

/** A command as data: its names, options, positionals and help. */
export interface CommandSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly summary: string;
  /** Longer help text, shown by `ucare <command> --help`. */
  readonly details?: string;
  readonly options: readonly OptionSpec[];
  readonly positionals: readonly PositionalSpec[];
  /** Every argument after the command name is passed on unparsed (except `--help`), as `emulator` does. */
  readonly passthrough?: boolean;
  /** At least one example command line, without the leading `ucare `. */
  readonly examples: readonly string[];
}

/** The value an option parses to. */
export type OptionValue = string | number | boolean | Date | null | readonly string[];

/** Turns `--Public-Key` or `public-key` into the canonical `public_key`. */
export function normalizeName(name: string): string {
  return name.replace(/^-+/, '').replace(/-/g, '_').toLowerCase();
}

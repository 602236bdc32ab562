import { OptionValues } from './option-values.js';
import { parseOptionValue } from './parse-value.js';
import { normalizeName, type CommandSpec, type OptionSpec, type OptionValue } from './spec.js';
import { UsageError } from './usage-error.js';

/** A parsed `ucare` command line. */
export interface ParsedCommandLine {
  /** Undefined when no command was named (`ucare --help`, `ucare --version`). */
  readonly command: CommandSpec | undefined;
  /** Options every command takes (keys, bases, `--json`, ...). */
  readonly globals: OptionValues;
  /** The command's own options. */
  readonly options: OptionValues;
  readonly positionals: readonly string[];
  /** `--help` / `-h` anywhere, or `ucare help [command]`. */
  readonly help: boolean;
  readonly version: boolean;
}

/** The grammar: options shared by every command and the commands themselves. */
export interface CommandLineGrammar {
  readonly globalOptions: readonly OptionSpec[];
  readonly commands: readonly CommandSpec[];
}

/**
 * Parses argv (without `node` and the script). Options may come before or after the command, as `--name value` or
 * `--name=value`, in snake_case or kebab-case (`--rest_base`, `--rest-base`); flags are negated by `--no<name>` or
 * `--no-<name>`; `--` ends options. Bad input is a {@link UsageError}.
 */
export function parseCommandLine(argv: readonly string[], grammar: CommandLineGrammar): ParsedCommandLine {
  const globals = new Map<string, OptionValue>();
  const options = new Map<string, OptionValue>();
  const positionals: string[] = [];
  let command: CommandSpec | undefined;
  let help = false;
  let version = false;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (command?.passthrough) {
      if (token === '--help' || token === '-h') help = true;
      else positionals.push(token);
      continue;
    }
    if (optionsEnded || !token.startsWith('-') || token === '-') {
      if (command) positionals.push(token);
      else if (!help && normalizeName(token) === 'help') help = true;
      else command = findCommand(grammar.commands, token);
      continue;
    }
    if (token === '--') {
      optionsEnded = true;
      continue;
    }
    if (token === '-h' || token === '--help') {
      help = true;
      continue;
    }
    if (token === '--version') {
      version = true;
      continue;
    }
    if (!token.startsWith('--')) throw new UsageError(`unknown option ${token}`, command?.name);

    const equals = token.indexOf('=');
    const name = normalizeName(equals === -1 ? token : token.slice(0, equals));
    const inline = equals === -1 ? undefined : token.slice(equals + 1);
    const found = findOption(name, command?.options ?? [], grammar.globalOptions);
    if (!found) {
      const where = command ? ` for command ${command.name}` : '';
      throw new UsageError(`unknown option --${name}${where}`, command?.name);
    }
    const target = found.global ? globals : options;
    const { spec } = found;
    if (found.negated) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`, command?.name);
      target.set(spec.key, false);
    } else if (spec.kind === 'flag') {
      target.set(spec.key, inline === undefined ? true : parseOptionValue(spec, inline, command?.name));
    } else if (spec.kind === 'list') {
      const texts = inline !== undefined ? [inline] : takeListValues(argv, i + 1);
      if (texts.length === 0) throw new UsageError(`--${spec.key} needs at least one value`, command?.name);
      i += inline !== undefined ? 0 : texts.length;
      const previous = (target.get(spec.key) as readonly string[] | undefined) ?? [];
      const added = texts.flatMap((text) => parseOptionValue(spec, text, command?.name) as readonly string[]);
      target.set(spec.key, [...previous, ...added]);
    } else {
      let text = inline;
      if (text === undefined) {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) {
          throw new UsageError(`--${spec.key} needs a value${spec.valueName ? ` (${spec.valueName})` : ''}`, command?.name);
        }
        text = next;
        i++;
      }
      target.set(spec.key, parseOptionValue(spec, text, command?.name));
    }
  }

  if (command && !help && !command.passthrough) checkPositionals(command, positionals);
  return {
    command,
    globals: new OptionValues(globals),
    options: new OptionValues(options),
    positionals,
    help,
    version,
  };
}

function findCommand(commands: readonly CommandSpec[], token: string): CommandSpec {
  const name = normalizeName(token);
  const command = commands.find((c) => c.name === name || (c.aliases ?? []).includes(name));
  if (!command) throw new UsageError(`unknown command "${token}"; run ucare --help for the list`);
  return command;
}

interface FoundOption {
  readonly spec: OptionSpec;
  readonly global: boolean;
  readonly negated: boolean;
}

function findOption(name: string, own: readonly OptionSpec[], globals: readonly OptionSpec[]): FoundOption | undefined {
  const named = (spec: OptionSpec, n: string) => spec.key === n || (spec.aliases ?? []).includes(n);
  for (const [specs, global] of [[own, false], [globals, true]] as const) {
    const spec = specs.find((s) => named(s, name));
    if (spec) return { spec, global, negated: false };
  }
  const positive = name.replace(/^no_?/, '');
  if (positive !== name) {
    for (const [specs, global] of [[own, false], [globals, true]] as const) {
      const spec = specs.find((s) => s.kind === 'flag' && named(s, positive));
      if (spec) return { spec, global, negated: true };
    }
  }
  return undefined;
}

/** The values of a list option: every following token up to the next option. */
function takeListValues(argv: readonly string[], from: number): string[] {
  const values: string[] = [];
  for (let i = from; i < argv.length && !(argv[i] as string).startsWith('-'); i++) values.push(argv[i] as string);
  return values;
}

function checkPositionals(command: CommandSpec, positionals: readonly string[]): void {
  const required = command.positionals.filter((p) => p.arity !== 'optional').length;
  const unbounded = command.positionals.some((p) => p.arity === 'many');
  const names = command.positionals.map((p) => p.name).join(' ');
  if (positionals.length < required) {
    throw new UsageError(`${command.name} needs ${names}`, command.name);
  }
  if (!unbounded && positionals.length > command.positionals.length) {
    const extra = positionals.slice(command.positionals.length).join(' ');
    throw new UsageError(`${command.name} takes ${names || 'no arguments'}; unexpected: ${extra}`, command.name);
  }
}

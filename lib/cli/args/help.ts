import type { CommandSpec, OptionSpec } from './spec.js';

const PROGRAM = 'ucare';

function optionLabel(option: OptionSpec): string {
  const kebab = option.key.replace(/_/g, '-');
  const spellings = kebab === option.key ? `--${option.key}` : `--${option.key}, --${kebab}`;
  const aliases = (option.aliases ?? []).map((alias) => `--${alias.replace(/_/g, '-')}`);
  const value = option.kind === 'flag' ? '' : ` ${option.valueName ?? valueHint(option)}`;
  return [spellings, ...aliases].join(', ') + value;
}

function valueHint(option: OptionSpec): string {
  switch (option.kind) {
    case 'tristate':
      return 'true|false|none';
    case 'date':
      return 'DATE';
    case 'integer':
      return 'N';
    case 'seconds':
      return 'SECONDS';
    case 'list':
      return 'VALUE...';
    default:
      return 'VALUE';
  }
}

function optionLines(options: readonly OptionSpec[]): string[] {
  const labels = options.map(optionLabel);
  const width = Math.min(44, Math.max(...labels.map((l) => l.length)) + 2);
  return options.map((option, i) => {
    const label = labels[i] as string;
    const text = option.description;
    return label.length + 2 > width ? `  ${label}\n  ${' '.repeat(width)}${text}` : `  ${label.padEnd(width)}${text}`;
  });
}

function usageLine(command: CommandSpec): string {
  const positionals = command.positionals.map((p) =>
    p.arity === 'one' ? p.name : p.arity === 'optional' ? `[${p.name}]` : `${p.name}...`,
  );
  return [PROGRAM, command.name, '[options]', ...positionals].join(' ');
}

/** `ucare <command> --help`. */
export function commandHelp(command: CommandSpec, globalOptions: readonly OptionSpec[]): string {
  const lines = [`${usageLine(command)}`, '', command.summary];
  if (command.aliases?.length) lines.push(`Also called: ${command.aliases.join(', ')}.`);
  if (command.details) lines.push('', command.details);
  if (command.positionals.length > 0) {
    lines.push('', 'Arguments:');
    for (const p of command.positionals) lines.push(`  ${p.name.padEnd(14)}${p.description}`);
  }
  if (command.options.length > 0) lines.push('', 'Options:', ...optionLines(command.options));
  lines.push('', 'Global options:', ...optionLines(globalOptions));
  lines.push('', command.examples.length > 1 ? 'Examples:' : 'Example:');
  for (const example of command.examples) lines.push(`  $ ${PROGRAM} ${example}`);
  return `${lines.join('\n')}\n`;
}

/** `ucare --help`. */
export function programHelp(commands: readonly CommandSpec[], globalOptions: readonly OptionSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const lines = [
    `${PROGRAM} [global options] <command> [options] [arguments]`,
    '',
    'The Uploadcare command line: list, inspect, store, delete, upload, group and download files.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Global options:',
    ...optionLines(globalOptions),
    '',
    'Keys and bases come from the arguments, else the environment, else ./uploadcare.ini, else ~/.uploadcare',
    '(section [ucare]: pub_key, secret, api_base, upload_base, cdn_base, api_version).',
    'Exit codes: 0 ok, 1 other error, 2 usage, 3 authentication, 4 not found, 5 throttled or timed out.',
    '',
    `Run "${PROGRAM} <command> --help" for a command's options and an example.`,
    '',
    'Example:',
    `  $ ${PROGRAM} --emulator upload photo.jpg`,
  ];
  return `${lines.join('\n')}\n`;
}

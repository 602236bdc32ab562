import { GLOBAL_OPTIONS } from '../../lib/cli/args/global-options.js';
import { parseCommandLine } from '../../lib/cli/args/parse-command-line.js';
import type { CommandSpec } from '../../lib/cli/args/spec.js';
import { UsageError } from '../../lib/cli/args/usage-error.js';
import { COMMANDS } from '../../lib/cli/commands/registry.js';

const LIST: CommandSpec = {
  name: 'list',
  aliases: ['list_files'],
  summary: 'list',
  options: [
    { key: 'since', kind: 'date', description: '' },
    { key: 'limit', kind: 'integer', description: '' },
    { key: 'stored', kind: 'tristate', description: '' },
    { key: 'wait', kind: 'flag', description: '' },
    { key: 'timeout', kind: 'seconds', description: '' },
    { key: 'uuids', kind: 'list', description: '' },
  ],
  positionals: [{ name: 'PATTERN', arity: 'optional', description: '' }],
  examples: ['list'],
};
const STORE: CommandSpec = {
  name: 'store',
  summary: 'store',
  options: [],
  positionals: [{ name: 'PATH', arity: 'many', description: '' }],
  examples: ['store x'],
};
const grammar = { globalOptions: GLOBAL_OPTIONS, commands: [LIST, STORE] };
const parse = (...argv: string[]) => parseCommandLine(argv, grammar);

describe('parseCommandLine', () => {
  it('accepts both spellings of every global option, before or after the command', () => {
    for (const spelling of ['--pub_key', '--pub-key', '--public-key', '--public_key', '--PUB-KEY']) {
      expect(parse(spelling, 'k1', 'list').globals.string('public_key')).withContext(spelling).toBe('k1');
      expect(parse('list', `${spelling}=k2`).globals.string('public_key')).withContext(spelling).toBe('k2');
    }
    expect(parse('--api_base', 'http://a/', 'list').globals.string('rest_base')).toBe('http://a/');
    expect(parse('--api-base=http://b/', 'list').globals.string('rest_base')).toBe('http://b/');
    expect(parse('--secret-key', 's', 'list').globals.string('secret_key')).toBe('s');
    // The flags carry the client options' names; the seed's names are aliases (issue 12).
    expect(parse('--secret', 's', '--rest-base', 'r', 'list').globals.string('secret_key')).toBe('s');
    expect(parse('--secret', 's', '--rest-base', 'r', 'list').globals.string('rest_base')).toBe('r');
    expect(parse('--upload-base', 'u', '--cdn_base', 'c', 'list').globals.string('upload_base')).toBe('u');
  });

  it('finds commands by name or alias, in either spelling', () => {
    expect(parse('list_files').command).toBe(LIST);
    expect(parse('list-files').command).toBe(LIST);
    expect(() => parse('lsit')).toThrowMatching((e) => e instanceof UsageError && /unknown command "lsit"/.test(e.message));
  });

  it('parses typed values and rejects bad ones with a UsageError', () => {
    const parsed = parse('list', '--since', '2024-05-01T10:00:00Z', '--limit=10', '--stored', 'none', '--timeout', '1.5');
    expect(parsed.options.date('since')?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(parsed.options.number('limit')).toBe(10);
    expect(parsed.options.tristate('stored')).toBeNull();
    expect(parsed.options.number('timeout')).toBe(1.5);
    expect(parse('list', '--stored=false').options.tristate('stored')).toBe(false);
    expect(() => parse('list', '--limit', '-3')).toThrowError(UsageError, /--limit needs a value|--limit expects/);
    expect(() => parse('list', '--limit', 'ten')).toThrowError(UsageError, /--limit expects a whole number/);
    expect(() => parse('list', '--since', 'yesterday')).toThrowError(UsageError, /ISO 8601/);
    expect(() => parse('list', '--stored', 'maybe')).toThrowError(UsageError, /true, false or none/);
    expect(() => parse('list', '--limit')).toThrowError(UsageError, /--limit needs a value/);
  });

  it('negates flags with --no<name> and --no-<name>', () => {
    expect(parse('list', '--wait').options.flag('wait')).toBe(true);
    expect(parse('list', '--nowait').options.flag('wait')).toBe(false);
    expect(parse('list', '--no-wait').options.flag('wait')).toBe(false);
    expect(parse('list', '--wait=false').options.flag('wait')).toBe(false);
    expect(parse('list').options.flag('wait')).toBeUndefined();
    expect(parse('--no-progress', 'list').globals.flag('progress')).toBe(false);
  });

  it('collects list values until the next option, split on commas, repeated', () => {
    const parsed = parse('list', '--uuids', 'a', 'b,c', '--uuids=d', '--limit', '1');
    expect(parsed.options.list('uuids')).toEqual(['a', 'b', 'c', 'd']);
    expect(parsed.options.number('limit')).toBe(1);
  });

  it('checks positionals against the command', () => {
    expect(parse('store', 'a', 'b', 'c').positionals).toEqual(['a', 'b', 'c']);
    expect(() => parse('store')).toThrowError(UsageError, /store needs PATH/);
    expect(() => parse('list', 'one', 'two')).toThrowError(UsageError, /unexpected: two/);
    expect(parse('store', '--', '--not-an-option').positionals).toEqual(['--not-an-option']);
  });

  it('rejects unknown options, naming the command', () => {
    expect(() => parse('list', '--bogus')).toThrowMatching(
      (e) => e instanceof UsageError && e.command === 'list' && e.message === 'unknown option --bogus for command list',
    );
    expect(() => parse('-x')).toThrowError(UsageError, /unknown option -x/);
  });

  it('sees --help anywhere and `help <command>`, without requiring positionals', () => {
    expect(parse('store', '--help').help).toBeTrue();
    expect(parse('-h').help).toBeTrue();
    const helpStore = parse('help', 'store');
    expect(helpStore.help).toBeTrue();
    expect(helpStore.command).toBe(STORE);
    expect(parse('--version').version).toBeTrue();
  });

  it('has an example and a summary for every real command, and no two commands share a name', () => {
    const names = COMMANDS.flatMap((c) => [c.spec.name, ...(c.spec.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const { spec } of COMMANDS) {
      expect(spec.examples.length).withContext(spec.name).toBeGreaterThan(0);
      expect(spec.summary).withContext(spec.name).not.toBe('');
    }
  });
});

import { NEVER, type Observable, type Subscription } from 'rxjs';
import { Uploadcare } from '../client.js';
import { AuthenticationError } from '../errors.js';
import { version } from '../version.js';
import { GLOBAL_OPTIONS, SETTING_FLAGS } from './args/global-options.js';
import { commandHelp, programHelp } from './args/help.js';
import { parseCommandLine, type ParsedCommandLine } from './args/parse-command-line.js';
import { UsageError } from './args/usage-error.js';
import { COMMANDS } from './commands/registry.js';
import type { Command, CommandContext } from './commands/command.js';
import { emulatorSettings, withEmulatorDefaults } from './config/emulator-defaults.js';
import { loadEmulator } from './emulator-package.js';
import { configFilePaths, loadConfigFiles } from './config/load-files.js';
import { resolveSettings, SETTING_KEYS, type CliSettings } from './config/settings.js';
import { errorMessage, ExitCode, exitCodeFor } from './output/exit-codes.js';
import type { CliIo } from './output/io.js';
import { Output } from './output/output.js';

/** Extra inputs of {@link runCli}. */
export interface RunOptions {
  /** Emits when the user interrupts (Ctrl-C): the running command is unsubscribed, aborting what is in flight. */
  readonly interrupts?: Observable<unknown>;
}

/** Runs one `ucare` command line; resolves with the exit code (see {@link ExitCode}). */
export async function runCli(argv: readonly string[], io: CliIo, runOptions: RunOptions = {}): Promise<number> {
  let secrets: string[] = [];
  let out = new Output(io.stdout, io.stderr, 'human', false);
  try {
    const parsed = parseCommandLine(argv, { globalOptions: GLOBAL_OPTIONS, commands: COMMANDS.map((c) => c.spec) });
    out = new Output(io.stdout, io.stderr, parsed.globals.flag('json') ? 'json' : 'human', parsed.globals.flag('progress') ?? true);
    if (parsed.version) {
      io.stdout.write(`ucare ${version}\n`);
      return ExitCode.ok;
    }
    if (parsed.help || !parsed.command) {
      const help = parsed.command ? commandHelp(parsed.command, GLOBAL_OPTIONS) : programHelp(COMMANDS.map((c) => c.spec), GLOBAL_OPTIONS);
      // Asked for: stdout, success. No command given: the same text as a usage error, on stderr.
      (parsed.help ? io.stdout : io.stderr).write(help);
      return parsed.help ? ExitCode.ok : ExitCode.usage;
    }
    const command = COMMANDS.find((c) => c.spec === parsed.command) as Command;
    const { settings, close } = await connectionSettings(parsed, io);
    secrets = [settings.secret ?? ''];
    try {
      return await runCommand(command, commandContext(parsed, io, out, settings), runOptions.interrupts ?? NEVER, out, secrets);
    } finally {
      await close();
    }
  } catch (error) {
    out.error(errorMessage(error, secrets));
    if (error instanceof UsageError) {
      io.stderr.write(error.command ? `See: ucare ${error.command} --help\n` : 'See: ucare --help\n');
    }
    return exitCodeFor(error);
  }
}

function runCommand(
  command: Command,
  context: CommandContext,
  interrupts: Observable<unknown>,
  out: Output,
  secrets: readonly string[],
): Promise<number> {
  return new Promise<number>((resolve) => {
    let interruption: Subscription | undefined;
    const finish = (code: number) => {
      interruption?.unsubscribe();
      resolve(code);
    };
    const running = command.run(context).subscribe({
      complete: () => finish(ExitCode.ok),
      error: (error: unknown) => {
        out.error(errorMessage(error, secrets));
        finish(exitCodeFor(error));
      },
    });
    if (!running.closed) {
      interruption = interrupts.subscribe(() => {
        running.unsubscribe();
        if (command.endsOnInterrupt) {
          finish(ExitCode.ok);
        } else {
          out.error('interrupted');
          finish(ExitCode.interrupted);
        }
      });
    }
  });
}

/** Settings from arguments, environment and files; with `--emulator`, an emulator started here and its settings. */
async function connectionSettings(
  parsed: ParsedCommandLine,
  io: CliIo,
): Promise<{ settings: CliSettings; close: () => Promise<void> }> {
  const args: Record<string, string | undefined> = {};
  for (const key of SETTING_KEYS) args[key] = parsed.globals.string(SETTING_FLAGS[key]);
  const files = await loadConfigFiles(configFilePaths(io.homeDir, io.cwd));
  const { settings } = resolveSettings(args, io.env, files);
  if (!parsed.globals.flag('emulator')) return { settings: withEmulatorDefaults(settings), close: () => Promise.resolve() };
  const { startEmulator } = await loadEmulator();
  const emulator = await startEmulator({ port: 0 });
  return { settings: emulatorSettings(emulator.url, settings), close: () => emulator.close() };
}

function commandContext(parsed: ParsedCommandLine, io: CliIo, out: Output, settings: CliSettings): CommandContext {
  let client: Uploadcare | undefined;
  return {
    options: parsed.options,
    positionals: parsed.positionals,
    io,
    out,
    client(needs) {
      if (!settings.pub_key) {
        throw new AuthenticationError(
          'no public key: pass --public-key, set UPLOADCARE_PUBLIC_KEY, or add pub_key to [ucare] in uploadcare.ini',
        );
      }
      if (needs.secret && !settings.secret) {
        throw new AuthenticationError(
          'no secret key: pass --secret-key, set UPLOADCARE_SECRET_KEY, or add secret to [ucare] in uploadcare.ini',
        );
      }
      client ??= new Uploadcare({
        publicKey: settings.pub_key,
        secretKey: settings.secret,
        restBase: settings.api_base,
        uploadBase: settings.upload_base,
        cdnBase: settings.cdn_base,
        apiVersion: settings.api_version,
        userAgent: 'ucare-cli',
      });
      return client;
    },
  };
}

import { Observable } from 'rxjs';
import type { EmulatorOptions, RunningEmulator } from 'rxuploadcare-emulator';
import { UsageError } from '../args/usage-error.js';
import { EMULATOR_PACKAGE, loadEmulator, type EmulatorPackage } from '../emulator-package.js';
import type { Command, CommandContext } from './command.js';

/** `ucare emulator [emulator flags]`: runs the local Uploadcare emulator until Ctrl-C, with `npm start`'s flags. */
export const emulatorCommand: Command = {
  spec: {
    name: 'emulator',
    summary: 'run the local Uploadcare emulator until Ctrl-C (takes the emulator\'s own flags)',
    // Not the emulator's own option list: that would load the emulator package for every command's help.
    details: `Every argument after "emulator" goes to the emulator, the ${EMULATOR_PACKAGE} package (installed beside rxuploadcare): \`uploadcare-emulator --help\` lists them.`,
    options: [],
    positionals: [{ name: 'FLAGS', arity: 'optional', description: 'the emulator\'s flags, listed above' }],
    passthrough: true,
    examples: ['emulator --port 8000 --data-dir ./emulator-data', 'emulator --port 0 --throttle-rate 0.2'],
  },
  endsOnInterrupt: true,
  run: (context) => runEmulator(context),
};

function runEmulator(context: CommandContext): Observable<never> {
  return new Observable<never>((subscriber) => {
    let running: RunningEmulator | undefined;
    let closed = false;
    void (async () => {
      try {
        // Loaded here: every other command would pay for the server's modules at start-up.
        const emulator = await loadEmulator();
        const { banner, resolveProjects, startEmulator } = emulator;
        const options = emulatorOptions(emulator, context);
        running = await startEmulator(options);
        if (closed) return void running.close();
        const projects = resolveProjects(options.projects);
        context.out.result(
          banner({
            url: running.url,
            projects,
            dataDir: options.dataDir,
            fileCount: projects.reduce((sum, project) => sum + (running as RunningEmulator).store.filesOf(project.publicKey).length, 0),
            faults: running.faults.list(),
          }).trimEnd(),
          { url: running.url, public_keys: projects.map((project) => project.publicKey), data_dir: options.dataDir ?? null },
        );
      } catch (error) {
        subscriber.error(error);
      }
    })();
    return () => {
      closed = true;
      void running?.close();
    };
  });
}

/** The emulator's flags, parsed by the emulator itself; its usage errors are the CLI's (exit code 2). */
function emulatorOptions(emulator: EmulatorPackage, context: CommandContext): EmulatorOptions {
  try {
    const command = emulator.parseCli(context.positionals, context.io.env);
    return command.kind === 'run' ? command.options : {};
  } catch (error) {
    throw error instanceof emulator.CliUsageError ? new UsageError(error.message, 'emulator') : error;
  }
}

import { Observable } from 'rxjs';
import { CliUsageError, parseCli, USAGE } from '../../emulator/cli-args.js';
import type { RunningEmulator } from '../../emulator/server.js';
import { UsageError } from '../args/usage-error.js';
import type { Command, CommandContext } from './command.js';

/** The emulator's own option lines, from its usage text. */
const EMULATOR_OPTIONS = USAGE.slice(USAGE.indexOf('Options:') + 'Options:'.length);

/** `ucare emulator [emulator flags]`: runs the local Uploadcare emulator until Ctrl-C, with `npm start`'s flags. */
export const emulatorCommand: Command = {
  spec: {
    name: 'emulator',
    summary: 'run the local Uploadcare emulator until Ctrl-C (takes the emulator\'s own flags)',
    details: `Every argument after "emulator" goes to the emulator:${EMULATOR_OPTIONS.trimEnd()}`,
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
        const command = parseCli(context.positionals, context.io.env);
        const options = command.kind === 'run' ? command.options : {};
        // Loaded here: every other command would pay for the server's modules at start-up.
        const [{ startEmulator }, { banner }, { resolveProjects }] = await Promise.all([
          import('../../emulator/server.js'),
          import('../../emulator/banner.js'),
          import('../../emulator/options.js'),
        ]);
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
        subscriber.error(error instanceof CliUsageError ? new UsageError(error.message, 'emulator') : error);
      }
    })();
    return () => {
      closed = true;
      void running?.close();
    };
  });
}

#!/usr/bin/env node
import { banner } from './banner.js';
import { CliUsageError, parseCli, USAGE } from './cli-args.js';
import { EmulatorOptionError, resolveProjects } from './options.js';
import { startEmulator } from './server.js';

/** `npm start`: runs the emulator on a loopback port until interrupted. */
async function main(): Promise<void> {
  const command = parseCli(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const { options } = command;
  const emulator = await startEmulator(options);
  const projects = resolveProjects(options.projects);
  process.stdout.write(
    banner({
      url: emulator.url,
      projects,
      dataDir: options.dataDir,
      fileCount: projects.reduce((sum, project) => sum + emulator.store.filesOf(project.publicKey).length, 0),
      faults: emulator.faults.list(),
      ...(options.port !== undefined && options.port !== 0 && options.port !== emulator.port ? { askedPort: options.port } : {}),
    }),
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: closing the emulator...\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Emulator did not close cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof CliUsageError || error instanceof EmulatorOptionError) {
    process.stderr.write(`${error.message}\nRun with --help for the options.\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

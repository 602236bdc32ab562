#!/usr/bin/env node
import { homedir } from 'node:os';
import { fromEvent, merge } from 'rxjs';
import { runCli } from './run.js';

/** The `ucare` executable: runs the command line of this process and exits with its code. */
function main(): void {
  // Ctrl-C, or a polite `kill`: the command is unsubscribed, which aborts what is in flight.
  const interrupts = merge(fromEvent(process, 'SIGINT'), fromEvent(process, 'SIGTERM'));
  void runCli(
    process.argv.slice(2),
    { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), homeDir: homedir() },
    { interrupts },
  ).then((code) => {
    process.exitCode = code;
  });
}

main();

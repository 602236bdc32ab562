#!/usr/bin/env node
import { startEmulator } from './server.js';

/** `npm start`: runs the emulator on 127.0.0.1 until interrupted. */
async function main(): Promise<void> {
  const emulator = await startEmulator({ port: Number(process.env['PORT'] ?? 8000) });
  process.stdout.write(`Uploadcare emulator listening on ${emulator.url}\n`);
  process.on('SIGINT', () => void emulator.close().then(() => process.exit(0)));
}

void main();

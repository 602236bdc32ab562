import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { resolve as resolvePath } from 'node:path';

/** A raw HTTP answer, or the network error that replaced it. */
export type RawAnswer =
  | { readonly kind: 'answer'; readonly status: number; readonly headers: IncomingHttpHeaders; readonly body: Buffer; readonly chunks: number }
  | { readonly kind: 'network-error'; readonly code: string };

/** One request with node:http (no retries, no pooling), reporting network errors as data. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ kind: 'answer', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), chunks: chunks.length }),
      );
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'network-error', code: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'network-error', code: error.code ?? error.message }));
    req.end(options.body);
  });
}

/** Jasmine timeout of specs that spawn emulator processes or write a lot to disk: generous, for a loaded machine. */
export const SLOW_SPEC_MS = 60_000;

/** Polls `read` until `accept` holds (the specs never assert on time, they wait for a state; the cap is a safety net). */
export async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const giveUpAt = Date.now() + SLOW_SPEC_MS / 2;
  while (Date.now() < giveUpAt) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

/** A multipart/form-data body for the Upload API's `POST /base/`. */
export function baseUploadForm(publicKey: string, filename: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----rxuc${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="UPLOADCARE_PUB_KEY"\r\n\r\n${publicKey}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="UPLOADCARE_STORE"\r\n\r\n1\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The emulator's command line run as a child process (through tsx, so no build is needed). */
export interface EmulatorProcess {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process ended. */
  readonly exited: Promise<number | string>;
}

const repoRoot = resolvePath(__dirname, '../../..');

/** Spawns `emulator/lib/main.ts` with `args`; `env` adds to the environment. */
export async function spawnEmulator(args: readonly string[], env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/lib/main.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the start banner and returns the origin it announces. */
export async function announcedUrl(emulator: EmulatorProcess): Promise<string> {
  const exitedEarly = emulator.exited.then((code) => {
    throw new Error(`The emulator exited (${code}) before listening: ${emulator.stderr()}`);
  });
  const listening = eventually(
    () => /listening on (http:\/\/\S+)/.exec(emulator.stdout())?.[1],
    (url) => url !== undefined,
    'the emulator to announce its URL',
  );
  return (await Promise.race([listening, exitedEarly])) as string;
}

/** A loopback port held by a bare TCP server, to see what the emulator does when its port is taken. */
export async function occupyPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const blocker = createNetServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return {
    port: (blocker.address() as AddressInfo).port,
    release: () => new Promise((resolve) => blocker.close(() => resolve())),
  };
}

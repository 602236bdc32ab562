import { parseArgs } from 'node:util';
import type { FaultRule, FaultScope } from './faults/rules.js';
import { InvalidFaultRuleError, parseFaultRule } from './faults/rules.js';
import type { EmulatorOptions } from './options.js';
import type { ProjectConfig } from './state/records.js';
import { UPLOAD_LIMIT_NAMES, type UploadLimits } from './upload/limits.js';

/** Default port of `npm start` (the next free one is taken when it is busy, unless `--strict-port`). */
export const DEFAULT_CLI_PORT = 8000;

/** A command line the emulator cannot run with; the message says which flag and why. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** What the command line asks for: emulator options, or the help text. */
export type CliCommand = { readonly kind: 'help' } | { readonly kind: 'run'; readonly options: EmulatorOptions };

/** The `--help` text. */
export const USAGE = `Usage: uploadcare-emulator [options]      (in the repository: npm start -- [options])

A local Uploadcare-compatible server: REST API v0.7, Upload API and CDN on one loopback origin.

Options:
  --port N               port to listen on (env PORT; default ${DEFAULT_CLI_PORT}, or the next free one; 0 = any)
  --strict-port          fail when the port is taken instead of trying the next ones
  --host HOST            loopback address to bind: 127.0.0.1 (default), ::1 or localhost
  --data-dir DIR         keep files and state in DIR, surviving restarts (default: memory only)
  --seed-files N         pre-populate the first project with N files when it has none
  --project PUB:SECRET[:signed]
                         serve this project (repeatable; replaces the demo project);
                         ':signed' makes it require signed uploads
  --limit NAME=N         an Upload API limit (repeatable): ${UPLOAD_LIMIT_NAMES.join(', ')}
                         (bytes or counts; defaults and errors in docs/emulator.md, "Limits")
  --trusted-origin ORIGIN
                         a web page origin (http://127.0.0.1:4200) that may use the control API and
                         the demo signer too (repeatable; pages on this machine need it for nothing else)
  --no-loopback-sources  refuse from_url sources on loopback too, as the real service does
                         (private addresses are always refused; loopback is allowed by default)
Faults (all scoped by --fault-path when given):
  --throttle-rate F      answer a fraction F (0..1) of requests with 429
  --throttle-count N     answer the first N requests with 429
  --retry-after S        Retry-After seconds of throttled answers (default 1)
  --latency MS           add MS milliseconds before every answer
  --latency-jitter MS    add up to MS more, at random
  --error-rate F         answer a fraction F of requests with a server error
  --error-status 500|503 status of those errors (default 503)
  --drop-rate F          destroy the connection of a fraction F of requests without answering
  --drop-after-bytes N   ... once N bytes of their body arrived (default 0: at once)
  --slow-body BPS        send response bodies at BPS bytes per second
  --fault-path PREFIX    apply the fault flags above only to paths starting with PREFIX (e.g. /base/)
  --fault JSON           add a fault rule given as JSON (repeatable), e.g. '{"kind":"throttle","count":2}'
  --fault-seed N         seed of the fault generator, for repeatable runs
  -h, --help             show this help
`;

/** Parses the emulator's command line (`argv` without node and script) and the environment. */
export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const flags = parsed.values;
  if (flags.help) return { kind: 'help' };

  const portText = flags.port ?? env['PORT'];
  const options: EmulatorOptions = {
    port: portText === undefined ? DEFAULT_CLI_PORT : integer(flags.port === undefined ? 'PORT' : '--port', portText, 0, 65535),
    strictPort: flags['strict-port'] ?? false,
    ...(flags.host === undefined ? {} : { host: flags.host }),
    ...(flags['data-dir'] === undefined ? {} : { dataDir: flags['data-dir'] }),
    ...(flags['seed-files'] === undefined ? {} : { seedFiles: integer('--seed-files', flags['seed-files'], 0, 1_000_000) }),
    ...(flags.project ? { projects: flags.project.map(project) } : {}),
    ...(flags.limit ? { limits: uploadLimits(flags.limit) } : {}),
    ...(flags['trusted-origin'] ? { trustedOrigins: flags['trusted-origin'].map(trustedOrigin) } : {}),
    ...(flags['no-loopback-sources'] ? { allowLoopbackSources: false } : {}),
    faults: {
      rules: faultRules(flags),
      ...(flags['fault-seed'] === undefined ? {} : { seed: integer('--fault-seed', flags['fault-seed'], 0, 2 ** 32 - 1) }),
    },
  };
  return { kind: 'run', options };
}

function parse(argv: readonly string[]) {
  const text = { type: 'string' } as const;
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: text,
      'strict-port': { type: 'boolean' },
      host: text,
      'data-dir': text,
      'seed-files': text,
      project: { type: 'string', multiple: true },
      limit: { type: 'string', multiple: true },
      'trusted-origin': { type: 'string', multiple: true },
      'no-loopback-sources': { type: 'boolean' },
      'throttle-rate': text,
      'throttle-count': text,
      'retry-after': text,
      latency: text,
      'latency-jitter': text,
      'error-rate': text,
      'error-status': text,
      'drop-rate': text,
      'drop-after-bytes': text,
      'slow-body': text,
      'fault-path': text,
      fault: { type: 'string', multiple: true },
      'fault-seed': text,
      help: { type: 'boolean', short: 'h' },
    },
  });
}

type Flags = ReturnType<typeof parse>['values'];

function faultRules(flags: Flags): FaultRule[] {
  const scope: FaultScope = flags['fault-path'] === undefined ? {} : { pathPrefix: flags['fault-path'] };
  const rules: FaultRule[] = [];
  const rate = (flag: string, value: string | undefined) => (value === undefined ? undefined : fraction(flag, value));
  if (flags.latency !== undefined) {
    const jitter = flags['latency-jitter'];
    rules.push({
      kind: 'latency',
      ...scope,
      latencyMs: integer('--latency', flags.latency, 0, 600_000),
      ...(jitter === undefined ? {} : { jitterMs: integer('--latency-jitter', jitter, 0, 600_000) }),
    });
  }
  if (flags['slow-body'] !== undefined) {
    rules.push({ kind: 'slow-body', ...scope, bytesPerSecond: integer('--slow-body', flags['slow-body'], 1, 2 ** 40) });
  }
  const throttleRate = rate('--throttle-rate', flags['throttle-rate']);
  const throttleCount = flags['throttle-count'];
  if (throttleRate !== undefined || throttleCount !== undefined) {
    const retryAfter = flags['retry-after'];
    rules.push({
      kind: 'throttle',
      ...scope,
      ...(throttleRate === undefined ? {} : { rate: throttleRate }),
      ...(throttleCount === undefined ? {} : { count: integer('--throttle-count', throttleCount, 0, 2 ** 31) }),
      ...(retryAfter === undefined ? {} : { retryAfterSeconds: integer('--retry-after', retryAfter, 0, 86_400) }),
    });
  } else if (flags['retry-after'] !== undefined) {
    throw new CliUsageError('--retry-after needs --throttle-rate or --throttle-count');
  }
  const errorRate = rate('--error-rate', flags['error-rate']);
  if (errorRate !== undefined) {
    const status = flags['error-status'] ?? '503';
    if (status !== '500' && status !== '503') throw new CliUsageError('--error-status must be 500 or 503');
    rules.push({ kind: 'error', ...scope, rate: errorRate, status: status === '500' ? 500 : 503 });
  } else if (flags['error-status'] !== undefined) {
    throw new CliUsageError('--error-status needs --error-rate');
  }
  const dropRate = rate('--drop-rate', flags['drop-rate']);
  if (dropRate !== undefined) {
    const after = flags['drop-after-bytes'];
    rules.push({ kind: 'drop', ...scope, rate: dropRate, ...(after === undefined ? {} : { afterBytes: integer('--drop-after-bytes', after, 0, 2 ** 40) }) });
  } else if (flags['drop-after-bytes'] !== undefined) {
    throw new CliUsageError('--drop-after-bytes needs --drop-rate');
  }
  for (const json of flags.fault ?? []) rules.push(faultJson(json));
  return rules;
}

function faultJson(json: string): FaultRule {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new CliUsageError(`--fault must be a JSON object, got ${json}`);
  }
  try {
    return parseFaultRule(data);
  } catch (error) {
    if (error instanceof InvalidFaultRuleError) throw new CliUsageError(`--fault: ${error.message}`);
    throw error;
  }
}

function project(spec: string): Partial<ProjectConfig> {
  const [publicKey, secretKey, flag, ...rest] = spec.split(':');
  if (!publicKey || !secretKey || rest.length > 0 || (flag !== undefined && flag !== 'signed')) {
    throw new CliUsageError('--project must be PUBLIC_KEY:SECRET_KEY or PUBLIC_KEY:SECRET_KEY:signed');
  }
  return { publicKey, secretKey, requireSignedUploads: flag === 'signed' };
}

function uploadLimits(specs: readonly string[]): Partial<UploadLimits> {
  const limits: Partial<Record<keyof UploadLimits, number>> = {};
  for (const spec of specs) {
    const [name = '', value, ...rest] = spec.split('=');
    const known = UPLOAD_LIMIT_NAMES.find((limit) => limit === name);
    if (!known || value === undefined || rest.length > 0) {
      throw new CliUsageError(`--limit must be NAME=N with NAME one of ${UPLOAD_LIMIT_NAMES.join(', ')}, got ${JSON.stringify(spec)}`);
    }
    limits[known] = integer(`--limit ${known}`, value, 1, Number.MAX_SAFE_INTEGER);
  }
  return limits;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new CliUsageError(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function fraction(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new CliUsageError(`${flag} must be a fraction from 0 to 1, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** `--trusted-origin`: an http(s) origin, as browsers send it in `Origin` (no path, no trailing slash). */
function trustedOrigin(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.href !== `${url.origin}/` || text.endsWith('/')) {
    throw new CliUsageError(`--trusted-origin must be an origin like http://127.0.0.1:4200 (scheme, host, port; no path), got ${JSON.stringify(text)}`);
  }
  return url.origin;
}

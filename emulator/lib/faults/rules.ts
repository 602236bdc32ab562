/** The kinds of misbehaviour the emulator can be asked for. */
export type FaultKind = 'throttle' | 'latency' | 'error' | 'drop' | 'slow-body';

/** Which requests a rule considers, and how many of them it hits. Every field is optional. */
export interface FaultScope {
  /** Only requests whose path starts with this (e.g. `/base/`, `/files/`). Default: every API request. */
  readonly pathPrefix?: string;
  /** Only these methods (upper case). Default: any method. */
  readonly methods?: readonly string[];
  /** Fraction (0..1) of the considered requests to hit, drawn from the seeded generator. Default 1. */
  readonly rate?: number;
  /** Hit at most this many requests, then stay quiet. Default: no limit. */
  readonly count?: number;
  /** Let this many considered requests pass untouched before the rule starts. Default 0. */
  readonly skip?: number;
}

/** Answer 429 with `Retry-After`, in the body shape of the API that was called. */
export interface ThrottleFault extends FaultScope {
  readonly kind: 'throttle';
  /**
   * Seconds sent in `Retry-After` and in the message: a whole number, or `[min, max]` to draw a whole number in that
   * range (both included) for each throttled answer from the seeded generator. Default 1.
   */
  readonly retryAfterSeconds?: number | readonly [number, number];
}

/** Wait before handling the request. */
export interface LatencyFault extends FaultScope {
  readonly kind: 'latency';
  readonly latencyMs: number;
  /** Up to this many more milliseconds, drawn from the seeded generator. Default 0. */
  readonly jitterMs?: number;
}

/** Answer a server error, in the body shape of the API that was called. */
export interface ErrorFault extends FaultScope {
  readonly kind: 'error';
  /** Default 503. */
  readonly status?: 500 | 503;
}

/** Destroy the connection without an answer, after `afterBytes` bytes of the request body (default 0: at once). */
export interface DropFault extends FaultScope {
  readonly kind: 'drop';
  readonly afterBytes?: number;
}

/** Send the response body no faster than `bytesPerSecond`. */
export interface SlowBodyFault extends FaultScope {
  readonly kind: 'slow-body';
  readonly bytesPerSecond: number;
}

/** One fault rule: plain data, as given to options, CLI flags and the control API. */
export type FaultRule = ThrottleFault | LatencyFault | ErrorFault | DropFault | SlowBodyFault;

/** The whole fault configuration: rules in order and the seed that makes `rate` and `jitterMs` repeatable. */
export interface FaultSettings {
  readonly rules?: readonly FaultRule[];
  /** Seed of the generator behind `rate` and `jitterMs`. Default: random. */
  readonly seed?: number;
}

/** A fault rule that is not valid data; `field` names the offending field. */
export class InvalidFaultRuleError extends Error {
  override readonly name = 'InvalidFaultRuleError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid fault rule: ${field} ${reason}`);
  }
}

const KINDS: readonly FaultKind[] = ['throttle', 'latency', 'error', 'drop', 'slow-body'];
const FIELDS: Readonly<Record<FaultKind, readonly string[]>> = {
  throttle: ['retryAfterSeconds'],
  latency: ['latencyMs', 'jitterMs'],
  error: ['status'],
  drop: ['afterBytes'],
  'slow-body': ['bytesPerSecond'],
};
const SCOPE_FIELDS = ['kind', 'pathPrefix', 'methods', 'rate', 'count', 'skip'];

/** Checks untrusted data (JSON from the control API or a flag) and returns it as a {@link FaultRule}. */
export function parseFaultRule(data: unknown): FaultRule {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidFaultRuleError('rule', 'must be an object');
  }
  const raw = data as Record<string, unknown>;
  const kind = raw['kind'];
  if (typeof kind !== 'string' || !KINDS.includes(kind as FaultKind)) {
    throw new InvalidFaultRuleError('kind', `must be one of ${KINDS.join(', ')}`);
  }
  const allowed = [...SCOPE_FIELDS, ...FIELDS[kind as FaultKind]];
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) throw new InvalidFaultRuleError(key, `is not a field of a ${kind} rule`);
  }
  checkScope(raw);
  switch (kind as FaultKind) {
    case 'throttle':
      checkRetryAfter(raw['retryAfterSeconds']);
      break;
    case 'latency':
      requiredNumber(raw, 'latencyMs', { min: 0 });
      optionalNumber(raw, 'jitterMs', { min: 0 });
      break;
    case 'error':
      if (raw['status'] !== undefined && raw['status'] !== 500 && raw['status'] !== 503) {
        throw new InvalidFaultRuleError('status', 'must be 500 or 503');
      }
      break;
    case 'drop':
      optionalNumber(raw, 'afterBytes', { min: 0, integer: true });
      break;
    case 'slow-body':
      requiredNumber(raw, 'bytesPerSecond', { min: 1 });
      break;
  }
  return raw as unknown as FaultRule;
}

/** Checks a whole {@link FaultSettings} object from untrusted data. */
export function parseFaultSettings(data: unknown): FaultSettings {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidFaultRuleError('settings', 'must be an object with `rules` and an optional `seed`');
  }
  const raw = data as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (key !== 'rules' && key !== 'seed') throw new InvalidFaultRuleError(key, 'is not a field of fault settings');
  }
  optionalNumber(raw, 'seed', { min: 0, integer: true });
  const rules = raw['rules'] ?? [];
  if (!Array.isArray(rules)) throw new InvalidFaultRuleError('rules', 'must be an array');
  const seed = raw['seed'] as number | undefined;
  return { rules: rules.map(parseFaultRule), ...(seed === undefined ? {} : { seed }) };
}

function checkScope(raw: Record<string, unknown>): void {
  const prefix = raw['pathPrefix'];
  if (prefix !== undefined && (typeof prefix !== 'string' || !prefix.startsWith('/'))) {
    throw new InvalidFaultRuleError('pathPrefix', 'must be a path starting with /');
  }
  const methods = raw['methods'];
  if (methods !== undefined && (!Array.isArray(methods) || !methods.every((m) => typeof m === 'string' && /^[A-Z]+$/.test(m)))) {
    throw new InvalidFaultRuleError('methods', 'must be an array of upper-case HTTP methods');
  }
  optionalNumber(raw, 'rate', { min: 0, max: 1 });
  optionalNumber(raw, 'count', { min: 0, integer: true });
  optionalNumber(raw, 'skip', { min: 0, integer: true });
}

function checkRetryAfter(value: unknown): void {
  if (!Array.isArray(value)) {
    optionalNumber({ retryAfterSeconds: value }, 'retryAfterSeconds', { min: 0, integer: true });
    return;
  }
  const [min, max] = value as unknown[];
  const whole = (bound: unknown): boolean => typeof bound === 'number' && Number.isInteger(bound) && bound >= 0;
  if (value.length !== 2 || !whole(min) || !whole(max) || (min as number) > (max as number)) {
    throw new InvalidFaultRuleError('retryAfterSeconds', 'must be a whole number of seconds or [min, max] with 0 <= min <= max');
  }
}

interface NumberRule {
  readonly min: number;
  readonly max?: number;
  readonly integer?: boolean;
}

function requiredNumber(raw: Record<string, unknown>, field: string, rule: NumberRule): void {
  if (raw[field] === undefined) throw new InvalidFaultRuleError(field, 'is required');
  optionalNumber(raw, field, rule);
}

function optionalNumber(raw: Record<string, unknown>, field: string, rule: NumberRule): void {
  const value = raw[field];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidFaultRuleError(field, 'must be a number');
  if (rule.integer && !Number.isInteger(value)) throw new InvalidFaultRuleError(field, 'must be an integer');
  if (value < rule.min) throw new InvalidFaultRuleError(field, `must be at least ${rule.min}`);
  if (rule.max !== undefined && value > rule.max) throw new InvalidFaultRuleError(field, `must be at most ${rule.max}`);
}

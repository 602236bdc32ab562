import { randomSeed, seededRandom, type Random } from './random.js';
import { parseFaultRule, parseFaultSettings, type FaultKind, type FaultRule, type FaultSettings } from './rules.js';

/** A rule as the controller holds it: the rule, its id, and how many requests it considered and hit. */
export type ActiveFaultRule = FaultRule & {
  readonly id: string;
  /** Requests that matched the rule's path and methods. */
  readonly seen: number;
  /** Requests the rule acted on. */
  readonly applied: number;
};

/** What happens to a request instead of (or before) its normal answer. */
export type FaultOutcome =
  | { readonly kind: 'throttle'; readonly retryAfterSeconds: number }
  | { readonly kind: 'error'; readonly status: 500 | 503 }
  | { readonly kind: 'drop'; readonly afterBytes: number };

/** The faults decided for one request. */
export interface FaultPlan {
  readonly delayMs: number;
  readonly outcome: FaultOutcome | null;
  /** Response body pace, or null for full speed. */
  readonly bytesPerSecond: number | null;
  /** Kinds of the rules that acted on the request, in rule order. */
  readonly applied: readonly FaultKind[];
}

/** Default `Retry-After` of a throttle rule, in seconds. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

const NO_FAULT: FaultPlan = { delayMs: 0, outcome: null, bytesPerSecond: null, applied: [] };

/**
 * The emulator's fault rules and their counters. Rules are considered in order for every API request; latency adds
 * up, the slowest body pace wins, and the first throttle/error/drop rule that fires decides the answer (later ones do
 * not consider that request). Decisions depend only on the seed and the order of requests.
 */
export class FaultController {
  private rules: { rule: FaultRule; id: string; seen: number; applied: number }[] = [];
  private nextId = 1;
  private seedValue: number;
  private random: Random;

  constructor(settings: FaultSettings = {}) {
    this.seedValue = settings.seed ?? randomSeed();
    this.random = seededRandom(this.seedValue);
    for (const rule of settings.rules ?? []) this.add(rule);
  }

  /** The seed in use (given or drawn), so a run can be repeated. */
  get seed(): number {
    return this.seedValue;
  }

  /** The rules with their ids and counters. */
  list(): ActiveFaultRule[] {
    return this.rules.map(({ rule, id, seen, applied }) => ({ ...rule, id, seen, applied }));
  }

  /** Adds a rule after the others (checked: bad data throws {@link InvalidFaultRuleError}); returns it with its id. */
  add(rule: FaultRule): ActiveFaultRule {
    const entry = { rule: parseFaultRule(rule), id: `f${this.nextId++}`, seen: 0, applied: 0 };
    this.rules.push(entry);
    return { ...entry.rule, id: entry.id, seen: 0, applied: 0 };
  }

  /** Replaces every rule, and restarts the generator from the settings' seed (or a new random one). */
  set(settings: FaultSettings): ActiveFaultRule[] {
    const checked = parseFaultSettings(settings);
    this.rules = [];
    this.seedValue = checked.seed ?? randomSeed();
    this.random = seededRandom(this.seedValue);
    for (const rule of checked.rules ?? []) this.add(rule);
    return this.list();
  }

  /** Removes one rule; false when there is none with that id. */
  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((entry) => entry.id !== id);
    return this.rules.length < before;
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** Decides the faults of one request, updating the rules' counters. */
  decide(method: string, path: string): FaultPlan {
    if (this.rules.length === 0) return NO_FAULT;
    let delayMs = 0;
    let outcome: FaultOutcome | null = null;
    let bytesPerSecond: number | null = null;
    const applied: FaultKind[] = [];
    for (const entry of this.rules) {
      const { rule } = entry;
      const decidesOutcome = rule.kind === 'throttle' || rule.kind === 'error' || rule.kind === 'drop';
      if (decidesOutcome && outcome) continue;
      if (!this.considers(rule, method, path)) continue;
      entry.seen++;
      if (entry.seen <= (rule.skip ?? 0)) continue;
      if (rule.count !== undefined && entry.applied >= rule.count) continue;
      if (rule.rate !== undefined && rule.rate < 1 && this.random() >= rule.rate) continue;
      entry.applied++;
      applied.push(rule.kind);
      switch (rule.kind) {
        case 'latency':
          delayMs += rule.latencyMs + (rule.jitterMs ? this.random() * rule.jitterMs : 0);
          break;
        case 'slow-body':
          bytesPerSecond = Math.min(bytesPerSecond ?? Infinity, rule.bytesPerSecond);
          break;
        case 'throttle':
          outcome = { kind: 'throttle', retryAfterSeconds: this.retryAfter(rule.retryAfterSeconds) };
          break;
        case 'error':
          outcome = { kind: 'error', status: rule.status ?? 503 };
          break;
        case 'drop':
          outcome = { kind: 'drop', afterBytes: rule.afterBytes ?? 0 };
          break;
      }
    }
    return applied.length === 0 ? NO_FAULT : { delayMs: Math.round(delayMs), outcome, bytesPerSecond, applied };
  }

  /** A rule's Retry-After: its number, or a whole number drawn in its `[min, max]`. */
  private retryAfter(seconds: number | readonly [number, number] | undefined): number {
    if (seconds === undefined) return DEFAULT_RETRY_AFTER_SECONDS;
    if (typeof seconds === 'number') return seconds;
    const [min, max] = seconds;
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private considers(rule: FaultRule, method: string, path: string): boolean {
    if (rule.pathPrefix !== undefined && !path.startsWith(rule.pathPrefix)) return false;
    return rule.methods === undefined || rule.methods.includes(method.toUpperCase());
  }
}

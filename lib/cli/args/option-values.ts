import type { OptionValue } from './spec.js';

/** Parsed option values by canonical key, with typed reads. An option not given reads as undefined. */
export class OptionValues {
  constructor(private readonly values: ReadonlyMap<string, OptionValue> = new Map()) {}

  has(key: string): boolean {
    return this.values.has(key);
  }

  flag(key: string): boolean | undefined {
    return this.read(key, (v): v is boolean => typeof v === 'boolean');
  }

  string(key: string): string | undefined {
    return this.read(key, (v): v is string => typeof v === 'string');
  }

  number(key: string): number | undefined {
    return this.read(key, (v): v is number => typeof v === 'number');
  }

  date(key: string): Date | undefined {
    return this.read(key, (v): v is Date => v instanceof Date);
  }

  /** A tristate option: true, false, null (`none`: both), or undefined when not given. */
  tristate(key: string): boolean | null | undefined {
    return this.read(key, (v): v is boolean | null => v === null || typeof v === 'boolean');
  }

  list(key: string): readonly string[] | undefined {
    return this.read(key, (v): v is readonly string[] => Array.isArray(v));
  }

  private read<T extends OptionValue>(key: string, isType: (value: OptionValue) => value is T): T | undefined {
    if (!this.values.has(key)) return undefined;
    const value = this.values.get(key) as OptionValue;
    if (!isType(value)) throw new TypeError(`Option ${key} holds a ${typeof value}, read as another type.`);
    return value;
  }
}

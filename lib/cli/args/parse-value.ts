import type { OptionSpec, OptionValue } from './spec.js';
import { UsageError } from './usage-error.js';

const TRUE_WORDS = new Set(['true', 'yes', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'off']);
const BOTH_WORDS = new Set(['none', 'all', 'any', 'both']);

/** Parses the text of one option value according to its kind; bad text is a {@link UsageError}. */
export function parseOptionValue(spec: OptionSpec, text: string, command?: string): OptionValue {
  const fail = (expected: string): never => {
    throw new UsageError(`--${spec.key} expects ${expected}, got "${text}"`, command);
  };
  switch (spec.kind) {
    case 'flag':
    case 'tristate': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      if (spec.kind === 'tristate' && BOTH_WORDS.has(word)) return null;
      return fail(spec.kind === 'flag' ? 'true or false' : 'true, false or none');
    }
    case 'integer':
      return /^\d+$/.test(text) ? Number(text) : fail('a whole number');
    case 'seconds':
      return /^\d+(\.\d+)?$/.test(text) ? Number(text) : fail('a number of seconds');
    case 'date': {
      const date = new Date(text);
      return /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(date.getTime()) ? date : fail('an ISO 8601 date');
    }
    case 'list': {
      const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
      return items.length > 0 ? items : fail('at least one value');
    }
    case 'string':
      return text;
  }
}

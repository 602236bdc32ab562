import type { ListOptions } from '../../resources/list-options.js';
import type { OptionValues } from '../args/option-values.js';
import type { OptionSpec } from '../args/spec.js';

/** The seed's default `--limit` of list commands. */
export const DEFAULT_LIST_LIMIT = 100;

/** `--since --until --limit --request_limit`, shared by the list commands and sync; `limit` is what `--limit` does. */
export function listWindowOptions(limit: string): OptionSpec[] {
  return [
    { key: 'since', kind: 'date', description: 'only items from this date (ISO 8601) on, oldest first' },
    { key: 'until', kind: 'date', description: 'only items up to this date, newest first' },
    { key: 'limit', kind: 'integer', description: limit },
    { key: 'request_limit', kind: 'integer', aliases: ['page_size'], valueName: 'N', description: 'items per request (1-1000, default 100)' },
  ];
}

/** The `--limit` of the list commands. */
export const LIST_LIMIT_HELP = `the most items to show (default ${DEFAULT_LIST_LIMIT}; 0: all)`;

/** `--stored --removed`, for files. */
export const FILE_FILTER_OPTIONS: readonly OptionSpec[] = [
  { key: 'stored', kind: 'tristate', description: 'true: stored files only; false: not stored; none: both (default)' },
  { key: 'removed', kind: 'tristate', description: 'true: removed files only; false: existing (default); none: both' },
];

/** The list options given on the command line. */
export function listOptions(options: OptionValues, defaultLimit: number | undefined = DEFAULT_LIST_LIMIT): ListOptions {
  const limit = options.number('limit') ?? defaultLimit;
  const since = options.date('since');
  const until = options.date('until');
  const requestLimit = options.number('request_limit');
  return {
    ...(since && { since }),
    ...(until && { until }),
    ...(limit !== undefined && limit > 0 && { limit }),
    ...(requestLimit !== undefined && { requestLimit }),
  };
}

/** `--stored` / `--removed` as the list wants them: undefined when not given. */
export function fileFilters(options: OptionValues): { stored?: boolean | null; removed?: boolean | null } {
  const stored = options.tristate('stored');
  const removed = options.tristate('removed');
  return { ...(stored !== undefined && { stored }), ...(removed !== undefined && { removed }) };
}

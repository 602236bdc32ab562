import type { OptionSpec } from '../args/spec.js';

/** The seed's `--wait` / `--nowait` / `--timeout`, with the default timeout in seconds. */
export function waitOptions(defaultTimeout: number, waitFor: string): OptionSpec[] {
  return [
    { key: 'wait', kind: 'flag', description: `wait until ${waitFor} (default; --nowait does not)` },
    { key: 'timeout', kind: 'seconds', description: `seconds to wait (default ${defaultTimeout})` },
  ];
}

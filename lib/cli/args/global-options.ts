import type { OptionSpec } from './spec.js';

/** Options every command takes. Each has a snake_case and a kebab-case spelling (`--api_base`, `--api-base`). */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { key: 'pub_key', kind: 'string', aliases: ['public_key'], valueName: 'KEY', description: 'public key (env UPLOADCARE_PUBLIC_KEY)' },
  { key: 'secret', kind: 'string', aliases: ['secret_key'], valueName: 'KEY', description: 'secret key (env UPLOADCARE_SECRET_KEY)' },
  { key: 'api_base', kind: 'string', aliases: ['rest_base'], valueName: 'URL', description: 'REST API base (env UPLOADCARE_API_BASE)' },
  { key: 'upload_base', kind: 'string', valueName: 'URL', description: 'Upload API base (env UPLOADCARE_UPLOAD_BASE)' },
  { key: 'cdn_base', kind: 'string', valueName: 'URL', description: 'CDN base (env UPLOADCARE_CDN_BASE)' },
  { key: 'api_version', kind: 'string', valueName: 'VERSION', description: 'REST API version (default 0.7)' },
  { key: 'emulator', kind: 'flag', description: 'run against an in-process emulator with its demo keys' },
  { key: 'json', kind: 'flag', description: 'print results as JSON, one document per line' },
  { key: 'progress', kind: 'flag', description: 'progress bars on stderr when it is a terminal (default; --no-progress hides them)' },
];

import type { SettingKey } from '../config/settings.js';
import type { OptionSpec } from './spec.js';

/**
 * Options every command takes. Each has a snake_case and a kebab-case spelling (`--rest_base`, `--rest-base`). The
 * connection flags carry the client options' names (`publicKey` is `--public-key`); the seed's names (`--pub_key`,
 * `--secret`, `--api_base`) are accepted as aliases.
 */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { key: 'public_key', kind: 'string', aliases: ['pub_key'], valueName: 'KEY', description: 'public key (env UPLOADCARE_PUBLIC_KEY)' },
  { key: 'secret_key', kind: 'string', aliases: ['secret'], valueName: 'KEY', description: 'secret key (env UPLOADCARE_SECRET_KEY)' },
  { key: 'rest_base', kind: 'string', aliases: ['api_base'], valueName: 'URL', description: 'REST API base (env UPLOADCARE_API_BASE)' },
  { key: 'upload_base', kind: 'string', valueName: 'URL', description: 'Upload API base (env UPLOADCARE_UPLOAD_BASE)' },
  { key: 'cdn_base', kind: 'string', valueName: 'URL', description: 'CDN base (env UPLOADCARE_CDN_BASE)' },
  { key: 'api_version', kind: 'string', valueName: 'VERSION', description: 'REST API version (default 0.7)' },
  { key: 'emulator', kind: 'flag', description: 'run against an in-process emulator with its demo keys' },
  { key: 'json', kind: 'flag', description: 'print results as JSON, one document per line' },
  { key: 'progress', kind: 'flag', description: 'progress bars on stderr when it is a terminal (default; --no-progress hides them)' },
];

/** The flag of each connection setting (settings keep the seed's names, as config files do). */
export const SETTING_FLAGS: Readonly<Record<SettingKey, string>> = {
  pub_key: 'public_key',
  secret: 'secret_key',
  api_base: 'rest_base',
  upload_base: 'upload_base',
  cdn_base: 'cdn_base',
  api_version: 'api_version',
};

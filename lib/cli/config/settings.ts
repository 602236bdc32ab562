import { normalizeName } from '../args/spec.js';
import { readIniSection } from './ini.js';

/** The connection settings of the CLI, by their seed names. */
export interface CliSettings {
  readonly pub_key?: string;
  readonly secret?: string;
  readonly api_base?: string;
  readonly upload_base?: string;
  readonly cdn_base?: string;
  readonly api_version?: string;
}

/** A setting's name. */
export type SettingKey = keyof CliSettings;

/** Every setting, in the order help shows them. */
export const SETTING_KEYS: readonly SettingKey[] = ['pub_key', 'secret', 'api_base', 'upload_base', 'cdn_base', 'api_version'];

/** The environment variable of each setting. */
export const SETTING_ENVIRONMENT: Readonly<Record<SettingKey, string>> = {
  pub_key: 'UPLOADCARE_PUBLIC_KEY',
  secret: 'UPLOADCARE_SECRET_KEY',
  api_base: 'UPLOADCARE_API_BASE',
  upload_base: 'UPLOADCARE_UPLOAD_BASE',
  cdn_base: 'UPLOADCARE_CDN_BASE',
  api_version: 'UPLOADCARE_API_VERSION',
};

/** Other names accepted in config files (and on the command line), mapped to the seed's. */
export const SETTING_ALIASES: Readonly<Record<string, SettingKey>> = {
  public_key: 'pub_key',
  secret_key: 'secret',
  rest_base: 'api_base',
};

/** The section of `~/.uploadcare` and `uploadcare.ini` the CLI reads. */
export const CONFIG_SECTION = 'ucare';

/** A config file's text, or undefined when the file does not exist. */
export interface ConfigFile {
  readonly path: string;
  readonly text: string | undefined;
}

/** Where each setting came from, for `ucare --help` diagnostics and for specs. */
export type SettingOrigin = 'argument' | 'environment' | { readonly file: string };

/** Settings with their origins. */
export interface ResolvedSettings {
  readonly settings: CliSettings;
  readonly origins: Readonly<Partial<Record<SettingKey, SettingOrigin>>>;
}

/**
 * Applies the precedence: command-line arguments win, then the environment, then config files. Files are given in
 * the seed's reading order (`~/.uploadcare`, then `./uploadcare.ini`): a later file overrides an earlier one, as in
 * pyuploadcare, so a project's own `uploadcare.ini` beats the user's defaults. Empty values count as unset.
 */
export function resolveSettings(
  args: CliSettings,
  env: Readonly<Record<string, string | undefined>>,
  files: readonly ConfigFile[],
): ResolvedSettings {
  const settings: Partial<Record<SettingKey, string>> = {};
  const origins: Partial<Record<SettingKey, SettingOrigin>> = {};
  const set = (key: SettingKey, value: string | undefined, origin: SettingOrigin) => {
    if (value === undefined || value.trim() === '') return;
    settings[key] = value.trim();
    origins[key] = origin;
  };
  for (const file of files) {
    if (file.text === undefined) continue;
    for (const [name, value] of readIniSection(file.text, CONFIG_SECTION)) {
      const key = settingKey(name);
      if (key) set(key, value, { file: file.path });
    }
  }
  for (const key of SETTING_KEYS) set(key, env[SETTING_ENVIRONMENT[key]], 'environment');
  for (const key of SETTING_KEYS) set(key, args[key], 'argument');
  return { settings, origins };
}

function settingKey(name: string): SettingKey | undefined {
  const normalized = normalizeName(name);
  if ((SETTING_KEYS as readonly string[]).includes(normalized)) return normalized as SettingKey;
  return SETTING_ALIASES[normalized];
}

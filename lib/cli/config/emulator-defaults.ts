import type { CliSettings } from './settings.js';

/**
 * The emulator's demo project's keys (rxuploadcare-emulator's DEMO_PROJECT; public, like the emulator): written here
 * so that pointing the CLI at a running emulator does not need the emulator package. A spec keeps the two equal.
 */
export const EMULATOR_DEMO_KEYS = { publicKey: 'demopublickey', secretKey: 'demosecretkey' } as const;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True when a base URL points at this machine (an emulator: the real service is never on loopback). */
export function isLoopback(base: string | undefined): boolean {
  if (!base) return false;
  try {
    return LOOPBACK_HOSTS.has(new URL(base).hostname);
  } catch {
    return false;
  }
}

/**
 * Makes `--api_base http://127.0.0.1:8000/` enough to use a running emulator: it serves REST, Upload API and CDN on
 * one origin and knows the demo keys, so bases and keys that were not given default to those. Settings that point
 * anywhere else are returned unchanged.
 */
export function withEmulatorDefaults(settings: CliSettings): CliSettings {
  if (!isLoopback(settings.api_base)) return settings;
  const origin = new URL(settings.api_base as string).origin + '/';
  return {
    ...settings,
    upload_base: settings.upload_base ?? origin,
    cdn_base: settings.cdn_base ?? origin,
    pub_key: settings.pub_key ?? EMULATOR_DEMO_KEYS.publicKey,
    secret: settings.secret ?? (settings.pub_key === undefined ? EMULATOR_DEMO_KEYS.secretKey : undefined),
  };
}

/** The settings for an emulator started by `--emulator`: its origin for every base, its demo keys. */
export function emulatorSettings(url: string, settings: CliSettings): CliSettings {
  const origin = url.endsWith('/') ? url : `${url}/`;
  return {
    ...settings,
    api_base: origin,
    upload_base: origin,
    cdn_base: origin,
    pub_key: EMULATOR_DEMO_KEYS.publicKey,
    secret: EMULATOR_DEMO_KEYS.secretKey,
  };
}

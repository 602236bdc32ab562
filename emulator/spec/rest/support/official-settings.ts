import { UploadcareAuthSchema, type UserSettings } from '@uploadcare/rest-client';
import { DEMO_KEYS } from './signed-fetch.js';

/** Settings of the official `@uploadcare/rest-client` for the demo project of the emulator at `origin`, signing every request, no retries. */
export function officialRestSettings(origin: string): UserSettings {
  return { authSchema: new UploadcareAuthSchema(DEMO_KEYS), apiBaseURL: `${origin}/`, retryNetworkErrorMaxTimes: 0 };
}

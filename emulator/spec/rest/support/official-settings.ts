import { UploadcareAuthSchema, type UserSettings } from '@uploadcare/rest-client';
import { startEmulator, type RunningEmulator } from '../../../lib/server.js';
import { DEMO_KEYS } from './signed-fetch.js';

/** Settings of the official `@uploadcare/rest-client` for the demo project of the emulator at `origin`, signing every request, no retries. */
export function officialRestSettings(origin: string): UserSettings {
  return { authSchema: new UploadcareAuthSchema(DEMO_KEYS), apiBaseURL: `${origin}/`, retryNetworkErrorMaxTimes: 0 };
}

/** What {@link useEmulatorForOfficialClients} gives the specs of its describe block, once started. */
export interface OfficialClientsEnv {
  readonly emulator: RunningEmulator;
  readonly settings: UserSettings;
}

/** An emulator started around the describe block it is called in, with the official REST client's settings for it. */
export function useEmulatorForOfficialClients(): OfficialClientsEnv {
  let started: OfficialClientsEnv | undefined;
  beforeAll(async () => {
    const emulator = await startEmulator({ port: 0 });
    started = { emulator, settings: officialRestSettings(emulator.url) };
  });
  afterAll(async () => {
    await started?.emulator.close();
  });
  const current = (): OfficialClientsEnv => {
    if (!started) throw new Error('the emulator is not started yet: use it inside a spec');
    return started;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get settings() {
      return current().settings;
    },
  };
}

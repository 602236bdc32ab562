import { startEmulator } from 'rxuploadcare-emulator';
import { startScriptServer } from './script-server.js';
import type { TestEnv } from './test-env.js';

/**
 * Starts every server the specs talk to, on 127.0.0.1 with free ports. `trustedOrigins`: the origin of the page the
 * specs run in, when a browser runs them (it may then use the emulator's control API and demo signer).
 */
export async function startTestServers(trustedOrigins: readonly string[] = []): Promise<{ env: TestEnv; close: () => Promise<void> }> {
  const emulator = await startEmulator({ port: 0, trustedOrigins });
  const script = await startScriptServer();
  return {
    env: { emulatorUrl: emulator.url, scriptUrl: script.url },
    close: async () => {
      await Promise.all([emulator.close(), script.close()]);
    },
  };
}

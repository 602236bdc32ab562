import { version } from '../lib/index.js';
import { testEnv } from './support/test-env.js';

describe('test setup', () => {
  it('reaches the emulator over loopback HTTP', async () => {
    const response = await fetch(`${testEnv().emulatorUrl}/no-such-route/`);
    expect(response.status).toBe(404);
  });

  it('exposes the library version', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

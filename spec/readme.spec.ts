import { conf } from '../lib/index.js';
import { configure, firstSteps } from '../docs/examples/readme/first-steps.js';
import { testEnv } from './support/test-env.js';

describe("README's first example", () => {
  let saved: typeof conf;
  beforeEach(() => {
    saved = { ...conf };
  });
  afterEach(() => {
    Object.assign(conf, saved);
  });

  it('uploads, builds a CDN URL without a request and reads the info', async () => {
    configure(testEnv().emulatorUrl);
    const result = await firstSteps();
    expect(result.cdnUrl).toMatch(new RegExp(`^${testEnv().emulatorUrl}/[0-9a-f-]{36}/$`));
    expect(result.filename).toBe('hello.txt');
    expect(result.size).toBe('hello, Uploadcare'.length);
    const bytes = await (await fetch(result.cdnUrl)).text();
    expect(bytes).toBe('hello, Uploadcare');
  });
});

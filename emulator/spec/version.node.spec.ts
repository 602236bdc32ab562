import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../lib/version.js';

describe('the emulator package version', () => {
  it('equals emulator/package.json version', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(version).toBe(pkg.version);
  });
});

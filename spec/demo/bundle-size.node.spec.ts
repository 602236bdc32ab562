import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

// docs/bundle-size.md is written by scripts/bundle-size.mjs; this keeps its figures true to a new measurement.
describe('docs/bundle-size.md', () => {
  const root = resolve(__dirname, '../..');

  it('holds the figures scripts/bundle-size.mjs measures now (within its tolerance), each target met', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/bundle-size.mjs', '--check'], { cwd: root });
    expect(stdout).toContain('docs/bundle-size.md holds');
    expect(stdout).toContain('every target met');
  }, 60_000);

  it('compares both tasks with the official clients, in min+gzip', () => {
    const doc = readFileSync(resolve(root, 'docs/bundle-size.md'), 'utf8');
    expect(doc).toContain('| Upload a Blob with progress |');
    expect(doc).toContain('`@uploadcare/upload-client` |');
    expect(doc).toContain('| List files');
    expect(doc).toContain('`@uploadcare/rest-client` |');
    expect(doc).toMatch(/minified \+ gzipped/);
  });
});

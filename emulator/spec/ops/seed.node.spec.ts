import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { announcedUrl, SLOW_SPEC_MS, spawnEmulator } from './support.js';

const REST_HEADERS = {
  Accept: 'application/vnd.uploadcare-v0.7+json',
  Authorization: 'Uploadcare.Simple demopublickey:demosecretkey',
};

interface FilePage {
  total: number;
  results: { uuid: string; datetime_uploaded: string; datetime_stored: string | null; datetime_removed: string | null }[];
}

describe('emulator --seed-files', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedFiles: 40 });
  }, SLOW_SPEC_MS);

  afterAll(async () => {
    await emulator.close();
  });

  const list = async (query: string): Promise<FilePage> => {
    const answer = await fetch(`${emulator.url}/files/?${query}`, { headers: REST_HEADERS });
    expect(answer.status).toBe(200);
    return (await answer.json()) as FilePage;
  };

  it('pre-populates the first project with files spread over time, some stored, some removed', async () => {
    const files = emulator.store.filesOf('demopublickey');
    expect(files.length).toBe(40);
    const live = await list('limit=1000');
    const removed = await list('limit=1000&removed=true');
    expect(live.total + removed.total).toBe(40);
    expect(removed.total).toBeGreaterThan(0);
    const stored = live.results.filter((file) => file.datetime_stored !== null).length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(live.total);
    const days = new Set(live.results.map((file) => file.datetime_uploaded.slice(0, 10)));
    expect(days.size).toBeGreaterThan(10);
  });

  it('stores their bytes, served by the CDN', async () => {
    const live = await list('limit=5');
    for (const file of live.results) {
      const answer = await fetch(`${emulator.url}/${file.uuid}/`);
      expect(answer.status).toBe(200);
      expect((await answer.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('is a command-line flag too', async () => {
    const child = await spawnEmulator(['--port', '0', '--seed-files', '7']);
    try {
      const url = await announcedUrl(child);
      expect(child.stdout()).toContain('State        in memory (7 files)');
      const page = await fetch(`${url}/files/?removed=true&limit=1`, { headers: REST_HEADERS });
      expect(page.status).toBe(200);
    } finally {
      child.child.kill('SIGKILL');
      await child.exited;
    }
  }, SLOW_SPEC_MS);
});

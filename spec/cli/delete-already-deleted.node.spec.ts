import { lines } from './support/built-cli.js';
import { useCliAgainstEmulator } from './support/cli-emulator.js';

// Issue 12: `delete` of a file already deleted printed `deleted` as if it had just been. The REST API answers a DELETE
// of a deleted file with its info, as for any other (the emulator does the same), so the CLI reads the info first:
// `datetime_removed` tells.
describe('ucare delete of a file already deleted', () => {
  const cli = useCliAgainstEmulator();
  const { ucare } = cli;
  const upload = (name: string): Promise<string> => cli.upload(name, name, '--store');
  const deleteBatches = (): number => cli.emulator.requests.list().filter((entry) => entry.method === 'DELETE' && entry.path === '/files/storage/').length;

  it('says so, with the date, sends nothing for it, deletes the others and exits 0', async () => {
    const [gone, present] = [await upload('gone.txt'), await upload('present.txt')];
    const first = await ucare('delete', gone);
    expect(first.code).withContext(first.stderr).toBe(0);
    expect(lines(first.stdout)).toEqual([`deleted  ${gone}`]);

    const batches = deleteBatches();
    const again = await ucare('delete', gone, present);
    expect(again.code).withContext(again.stderr).toBe(0);
    expect(lines(again.stdout)).toEqual([
      jasmine.stringMatching(new RegExp(`^deleted  ${gone}  \\(already deleted at \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\)$`)),
      `deleted  ${present}`,
    ]);
    expect(deleteBatches() - batches).withContext('one batch, for the file not yet deleted').toBe(1);
  });

  it('marks it in the JSON stream, and sends no batch at all when every file is already deleted', async () => {
    const gone = await upload('gone-json.txt');
    expect((await ucare('delete', gone)).code).toBe(0);
    const batches = deleteBatches();
    const run = await ucare('--json', 'delete', gone);
    expect(run.code).withContext(run.stderr).toBe(0);
    const [document] = lines(run.stdout).map((line) => JSON.parse(line) as { uuid: string; ok: boolean; already?: boolean; info: { datetime_removed: string } });
    expect(document).toEqual(jasmine.objectContaining({ uuid: gone, ok: true, already: true }));
    expect(document?.info.datetime_removed).not.toBeNull();
    expect(deleteBatches()).toBe(batches);
  });
});

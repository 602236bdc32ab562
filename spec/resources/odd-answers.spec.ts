import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { APIError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { FileList } from '../../lib/resources/file-list.js';
import { testEnv } from '../support/test-env.js';
import { emulatorOptions } from './support/clients.js';

// Answers no Uploadcare server gives, from the scripted server: they must be APIErrors, not TypeErrors.
describe('resources facing odd answers', () => {
  const script = (): string => testEnv().scriptUrl.replace(/\/$/, '');
  const client = (): Uploadcare => new Uploadcare(emulatorOptions(script()));

  async function enqueue(...answers: unknown[]): Promise<void> {
    await fetch(`${script()}/__script/reset`, { method: 'POST' });
    await fetch(`${script()}/__script/enqueue`, { method: 'POST', body: JSON.stringify(answers) });
  }

  it('a list page without results is an APIError', async () => {
    await enqueue({ status: 200, body: { next: null } });
    const error = await lastValueFrom(new FileList({}, client()).pipe(toArray())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
  });

  it('a group/ answer without an id is an APIError', async () => {
    await enqueue({ status: 200, body: { files_count: 1 } });
    const file = new File('a771f854-c2cb-408a-8c36-71af77811f3b', client());
    const error = await firstValueFrom(FileGroup.create([file], client())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
  });

  afterAll(async () => {
    await fetch(`${script()}/__script/reset`, { method: 'POST' });
  });
});

import { firstValueFrom } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { APIError } from '../../lib/errors.js';
import { enqueue, failure, requestLog, resetScript, scriptBase } from './script.js';

// Node only: browsers' XHR follows redirects by itself and hides them from scripts.
describe('redirects in Node (maxRedirects: 0)', () => {
  beforeEach(resetScript);

  it('are not followed: a 3xx is an APIError naming its target', async () => {
    await enqueue({ status: 302, headers: { Location: '/elsewhere/' }, body: { detail: 'moved' } });
    const client = new Uploadcare({ retry: { network: { maxRetries: 0 } } });
    const error = (await failure(firstValueFrom(client.request({ method: 'PUT', url: `${scriptBase()}r`, body: 'bytes' })))) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(302);
    expect(error.message).toBe(`PUT ${scriptBase()}r failed with 302: redirected to /elsewhere/, which the client does not follow`);
    expect((await requestLog()).map((entry) => entry.url)).toEqual(['/r']);
  });
});

import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { APIError, InvalidParamError } from '../../lib/errors.js';
import { FileList } from '../../lib/resources/file-list.js';
import { parseHttpUrl, resolveOnOrigin } from '../../lib/transport/same-origin.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { enqueue, failure, requestLog, resetScript, scriptBase } from './script.js';

// Credentials go to the configured origins only, decided by the parsed URL (issue 13, item 1). The "other origin" is
// the script server itself under the name `localhost`: a request that leaked would show in its log.

const SECRET = 'sk-never-elsewhere';

/** The script server under another origin: same port, host `localhost` (known once the servers run). */
function otherHostPort(): string {
  return `localhost:${new URL(scriptBase()).port}`;
}

/** Links a URL parser resolves to another host, though they do not start with `http://` or `https://`. */
const HOSTILE_LINKS: readonly (readonly [string, (hostPort: string) => string])[] = [
  ['a leading space', (hostPort) => ` http://${hostPort}/files/`],
  ['a leading tab', (hostPort) => `\thttp://${hostPort}/files/`],
  ['a leading newline', (hostPort) => `\nhttp://${hostPort}/files/`],
  ['a leading NUL', (hostPort) => `\u0000http://${hostPort}/files/`],
  ['a tab inside the scheme', (hostPort) => `ht\ttp://${hostPort}/files/`],
  ['backslashes', (hostPort) => `http:\\\\${hostPort}\\files/`],
  ['slash and backslash', (hostPort) => `http:/\\${hostPort}/files/`],
  ['a scheme-relative link with backslashes', (hostPort) => `\\\\${hostPort}/files/`],
  ['an upper-case scheme', (hostPort) => `HTTP://${hostPort}/files/`],
];

function client(authScheme: 'simple' | 'signed' = 'simple'): Uploadcare {
  return new Uploadcare({ publicKey: 'pk', secretKey: SECRET, authScheme, restBase: scriptBase(), uploadBase: scriptBase(), timeoutMs: 5000, retry: { network: { maxRetries: 0 } } });
}

describe('same origin for credentials (transport/same-origin.ts)', () => {
  beforeEach(() => resetScript());

  for (const [name, linkTo] of HOSTILE_LINKS) {
    it(`a list does not follow a next link with ${name} to another origin: APIError, nothing sent there`, async () => {
      const link = linkTo(otherHostPort());
      await enqueue({ status: 200, body: { next: link, previous: null, total: 2, per_page: 1, results: [] } });
      const error = await failure(lastValueFrom(new FileList({}, client()).pipe(toArray())));
      expect(error).toBeInstanceOf(APIError);
      expect(error).not.toBeInstanceOf(InvalidParamError);
      const log = await requestLog();
      expect(log.length).toBe(1);
      expect(JSON.stringify(log)).not.toContain('localhost');
    });

    it(`client.rest refuses a path with ${name} to another origin before sending (InvalidParamError)`, async () => {
      const error = await failure(firstValueFrom(client('signed').rest('GET', linkTo(otherHostPort()))));
      expect(error).toBeInstanceOf(InvalidParamError);
      expect(await requestLog()).toEqual([]);
    });

    it(`client.upload refuses a path with ${name} to another origin before sending (InvalidParamError)`, async () => {
      const error = await failure(firstValueFrom(client().upload('GET', linkTo(otherHostPort()))));
      expect(error).toBeInstanceOf(InvalidParamError);
      expect(await requestLog()).toEqual([]);
    });
  }

  it('a list follows next links on its own origin, absolute or relative', async () => {
    const page = (next: string | null, uuid: string) => ({ status: 200, body: { next, previous: null, total: 2, per_page: 1, results: [{ uuid }] } });
    await enqueue(page(`${scriptBase()}files/?page=2`, 'a771f854-c2cb-408a-8c36-71af77811f3b'), page('files/?page=3', 'b771f854-c2cb-408a-8c36-71af77811f3b'), page(null, 'c771f854-c2cb-408a-8c36-71af77811f3b'));
    const files = await lastValueFrom(new FileList({}, client()).pipe(toArray()));
    expect(files.length).toBe(3);
    expect((await requestLog()).map((request) => request.url.replace(/\?.*/, ''))).toEqual(['/files/', '/files/', '/files/']);
  });

  it('a multipart part URL that is not http(s) is a bad answer (APIError), not the caller\'s mistake', async () => {
    await enqueue({ status: 200, body: { uuid: 'a771f854-c2cb-408a-8c36-71af77811f3b', parts: ['javascript:alert(1)', 'file:///etc/passwd'] } });
    const error = await failure(lastValueFrom(uploadFile(new Uint8Array(10 * 1024 * 1024), {}, client())));
    expect(error).toBeInstanceOf(APIError);
  });

  it('resolveOnOrigin and parseHttpUrl decide by the parsed URL', () => {
    const base = 'https://api.example.com/v1/';
    expect(resolveOnOrigin('files/', base)?.href).toBe('https://api.example.com/v1/files/');
    expect(resolveOnOrigin(' https://api.example.com/x', base)?.href).toBe('https://api.example.com/x');
    expect(resolveOnOrigin('https:\\\\evil.example.com', base)).toBeNull();
    expect(resolveOnOrigin('http://[', base)).toBeNull();
    expect(parseHttpUrl(' https://s3.example.com/part?sig=1')?.href).toBe('https://s3.example.com/part?sig=1');
    expect(parseHttpUrl('file:///etc/passwd')).toBeNull();
    expect(parseHttpUrl(42)).toBeNull();
  });
});

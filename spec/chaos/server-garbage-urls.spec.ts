import fc from 'fast-check';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { APIError, InvalidParamError } from '../../lib/errors.js';
import { FileList } from '../../lib/resources/file-list.js';
import { resolveOnOrigin } from '../../lib/transport/same-origin.js';
import { enqueue, failure, requestLog, resetScript, scriptBase } from '../transport/script.js';
import { chaosScale } from './support/scale.js';

// URLs from servers (issue 13, item 1): whatever string a server names, the client sends credentials only where the
// WHATWG URL parser (the one that sends the request) puts it on the configured origin. fast-check writes links the
// parser resolves to another host without starting with `http://`: C0 controls and spaces before, tabs and newlines
// inside, backslashes for slashes, upper case.

const FC_SEED = 1313;
const OTHER_HOSTS = ['localhost', 'evil.example', '127.0.0.2', '[::1]', 'LOCALHOST'];

/** Characters the URL parser drops or reads as `/`. */
const ignoredPrefix = fc.array(fc.integer({ min: 0, max: 0x20 }).map((code) => String.fromCharCode(code)), { maxLength: 3 }).map((chars) => chars.join(''));
const tabOrNewline = fc.constantFrom('', '', '\t', '\n', '\r');

function sprinkled(word: string): fc.Arbitrary<string> {
  return fc.array(tabOrNewline, { minLength: word.length, maxLength: word.length }).map((inserts) => [...word].map((char, i) => `${inserts[i]}${char}`).join(''));
}

interface LinkParts {
  readonly prefix: string;
  readonly scheme: string;
  readonly slashes: string;
  /** '' for the spec's own other origin (the script server under the name `localhost`). */
  readonly host: string;
  readonly path: string;
}

/** The pieces of a link, spelt the ways a URL parser accepts. */
const linkParts: fc.Arbitrary<LinkParts> = fc.record({
  prefix: ignoredPrefix,
  scheme: fc.oneof(fc.constantFrom('http', 'HTTP', 'hTTp', 'https').chain(sprinkled), fc.constant('')),
  slashes: fc.array(fc.constantFrom('/', '\\', '\t'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  host: fc.oneof(fc.constant(''), fc.constantFrom(...OTHER_HOSTS)),
  path: fc.constantFrom('files/', 'files/?from=1', '', '\\files\\'),
});

function spell(parts: LinkParts, hostPort: string): string {
  return `${parts.prefix}${parts.scheme}${parts.scheme ? ':' : ''}${parts.slashes}${parts.host || hostPort}/${parts.path}`;
}

/** The origin the parser gives `link` against `base`, or null when it does not parse. */
function parsedOrigin(link: string, base: string): string | null {
  try {
    return new URL(link, base).origin;
  } catch {
    return null;
  }
}

describe('chaos: URLs from servers go to their origin only', () => {
  const runs = chaosScale().propertyRuns;

  it('resolveOnOrigin agrees with the URL parser on every spelling: same origin kept, any other refused', () => {
    const base = 'http://127.0.0.1:8311/api/';
    fc.assert(
      fc.property(linkParts, fc.string({ maxLength: 12 }), (parts, noise) => {
        const link = spell(parts, 'localhost:8311');
        for (const candidate of [link, `${noise}${link}`]) {
          const origin = parsedOrigin(candidate, base);
          const resolved = resolveOnOrigin(candidate, base);
          if (origin === new URL(base).origin) expect(resolved?.href).toBe(new URL(candidate, base).href);
          else expect(resolved).toBeNull();
        }
      }),
      { seed: FC_SEED, numRuns: runs * 10 },
    );
  });

  it('client.rest and client.upload refuse a path the parser puts on another origin, before sending anything', async () => {
    const client = new Uploadcare({ publicKey: 'pk', secretKey: 'sk', authScheme: 'simple', restBase: scriptBase(), uploadBase: scriptBase(), retry: { network: { maxRetries: 0 } } });
    const hostPort = `localhost:${new URL(scriptBase()).port}`;
    await resetScript();
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(linkParts, async (parts) => {
        const path = spell(parts, hostPort);
        if (parsedOrigin(path.replace(/^\/+/, ''), scriptBase()) === new URL(scriptBase()).origin) return;
        refused++;
        expect(await failure(firstValueFrom(client.rest('GET', path)))).toBeInstanceOf(InvalidParamError);
        expect(await failure(firstValueFrom(client.upload('GET', path)))).toBeInstanceOf(InvalidParamError);
      }),
      { seed: FC_SEED, numRuns: runs },
    );
    expect(await requestLog()).toEqual([]);
    expect(refused).toBeGreaterThan(runs / 2);
  });

  it('a list never follows a next link the parser puts on another origin: APIError, one request sent', async () => {
    const client = new Uploadcare({ publicKey: 'pk', secretKey: 'sk', authScheme: 'simple', restBase: scriptBase(), retry: { network: { maxRetries: 0 } } });
    const hostPort = `localhost:${new URL(scriptBase()).port}`;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(linkParts, async (parts) => {
        const next = spell(parts, hostPort);
        if (parsedOrigin(next, scriptBase()) === new URL(scriptBase()).origin) return;
        refused++;
        await resetScript();
        await enqueue({ status: 200, body: { next, previous: null, total: 2, per_page: 1, results: [] } });
        const error = await failure(lastValueFrom(new FileList({}, client).pipe(toArray())));
        expect(error).toBeInstanceOf(APIError);
        expect((await requestLog()).length).toBe(1);
      }),
      { seed: FC_SEED, numRuns: runs },
    );
    expect(refused).toBeGreaterThan(runs / 2);
  });
});

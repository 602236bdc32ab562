import fc from 'fast-check';
import { firstValueFrom, type Observable } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { UploadcareException } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileList } from '../../lib/resources/file-list.js';
import { rememberSecret, scrubKnownSecrets } from '../../lib/known-secrets.js';
import { scrubSecret } from '../../lib/transport/scrub.js';
import type { ScriptedResponse } from '../support/script-server.js';
import { enqueue, failure, resetScript, scriptBase } from '../transport/script.js';
import { chaosScale } from './support/scale.js';
import { reachableText } from '../support/reachable-text.js';

// A server that echoes the secret escaped (issue 13, item 12): JSON may spell any character as `\uXXXX` (either case)
// and `/` as `\/`; parsing decodes them, so scrubbing the raw text is not enough. The secret must appear nowhere in the
// error: message, stack, JSON, properties, body, cause chain, escaped or not.

const SECRET = 'sk/Echo+9f3a"b\\c';
const UUID = 'a771f854-c2cb-408a-8c36-71af77811f3b';
const FC_SEED = 1312;


/** Each character as is or in one of its JSON escapes, as chosen by `ways` (cycled). */
function escaped(secret: string, ways: readonly number[]): string {
  return [...secret]
    .map((char, i) => {
      const code = char.charCodeAt(0);
      const hex = code.toString(16).padStart(4, '0');
      const short: Record<string, string> = { '/': '\\/', '"': '\\"', '\\': '\\\\' };
      const forced = char === '"' || char === '\\';
      switch ((ways[i % ways.length] ?? 0) % 4) {
        case 1:
          return `\\u${hex}`;
        case 2:
          return `\\u${hex.toUpperCase()}`;
        case 3:
          return short[char] ?? `\\u${hex}`;
        default:
          return forced ? (short[char] as string) : char;
      }
    })
    .join('');
}

/** The secret, decoded from `text` or not, anywhere in it: its start (a quoted piece), or all of it in any JSON escape. */
function holdsSecret(text: string): boolean {
  return text.includes(SECRET.slice(0, 8)) || scrubSecret(text, SECRET) !== text || text.includes(JSON.stringify(SECRET).slice(1, -1));
}

/** Answers echoing `echo` (the secret spelt some way in JSON text) in the places error messages read. */
const ANSWERS: readonly (readonly [string, (echo: string) => ScriptedResponse])[] = [
  ['a REST 400 detail', (echo) => ({ status: 400, headers: { 'Content-Type': 'application/json' }, body: `{"detail": "bad key ${echo}"}` })],
  ['a REST 401 detail', (echo) => ({ status: 401, headers: { 'Content-Type': 'application/json' }, body: `{"detail": "Incorrect authentication credentials: ${echo}"}` })],
  ['a 500 with the echo in a key', (echo) => ({ status: 500, headers: { 'Content-Type': 'application/json' }, body: `{"${echo}": ["${echo}"]}` })],
  ['an Upload API envelope in a 200', (echo) => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: `{"error": {"status_code": 403, "content": "key ${echo}", "error_code": "X"}}` })],
  ['a 502 text page', (echo) => ({ status: 502, headers: { 'Content-Type': 'text/plain' }, body: `upstream said ${echo}` })],
  ['a 200 that is not JSON', (echo) => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: `{"uuid": "${echo}` })],
  // V8's JSON.parse error quotes the start of the text: the cause's message must not carry it.
  ['a 200 of text starting with the echo', (echo) => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: `${echo} is the key` })],
  ['a 200 of text starting with the secret itself', () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: `${SECRET} is the key` })],
  ['a short 200 with the secret unquoted', () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: `{"k": ${SECRET}}` })],
  // Successful answers whose data the library cannot use: the error is built after the transport, from parsed data.
  ['a list page without results', (echo) => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: `{"next": null, "results": null, "detail": "${echo}"}` })],
  ['a list page with an entry of a bad uuid', (echo) => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: `{"next": null, "results": [{"uuid": "${echo}"}]}` })],
];

describe('chaos: the secret echoed escaped never reaches an error', () => {
  const client = () =>
    new Uploadcare({ publicKey: 'pk', secretKey: SECRET, authScheme: 'signed', restBase: scriptBase(), uploadBase: scriptBase(), timeoutMs: 5000, retry: { network: { maxRetries: 0 }, throttled: { maxRetries: 0 } } });
  const call = (name: string, uploadcare: Uploadcare): Observable<unknown> =>
    name.includes('Upload API')
      ? uploadcare.upload('GET', 'info/', { file_id: UUID })
      : name.includes('list page')
        ? new FileList({}, uploadcare)
        : new File(UUID, uploadcare).info();

  async function errorFor(name: string, answer: ScriptedResponse): Promise<string> {
    await resetScript();
    await enqueue(answer);
    const error = await failure(firstValueFrom(call(name, client())));
    expect(error).toBeInstanceOf(UploadcareException);
    return reachableText(error);
  }

  for (const [name, answer] of ANSWERS) {
    for (const [spelling, ways] of [
      ['\\/ for /', [3, 0, 0]],
      ['\\u0073 for every character', [1]],
      ['\\u00XX in upper case', [2]],
      ['mixed escapes', [0, 1, 2, 3]],
    ] as const) {
      it(`${name}, echoed with ${spelling}: not in the error`, async () => {
        const text = await errorFor(name, answer(escaped(SECRET, ways)));
        expect(holdsSecret(text)).withContext(text).toBeFalse();
        expect(text).toContain('[secret]');
      });
    }
  }

  it('fast-check: any JSON spelling of the secret, in any of these answers, is scrubbed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ANSWERS), fc.array(fc.nat(3), { minLength: 1, maxLength: SECRET.length }), async ([name, answer], ways) => {
        const text = await errorFor(name, answer(escaped(SECRET, ways)));
        expect(holdsSecret(text)).withContext(text).toBeFalse();
      }),
      { seed: FC_SEED, numRuns: chaosScale().propertyRuns },
    );
  });

  it('keys shorter than 8 characters are not remembered process-wide (masking them would garble ordinary words)', () => {
    rememberSecret('u');
    rememberSecret('Ab3$long-enough');
    expect(scrubKnownSecrets('is required: Ab3$long-enough')).toBe('is required: [secret]');
  });

  it('scrubSecret replaces the secret in strings, keys and values at any depth, and leaves other values alone', () => {
    const date = new Date(0);
    const scrubbed: unknown = scrubSecret({ [SECRET]: [`x${SECRET}y`, 1, null, { deep: SECRET }], date }, SECRET);
    expect(scrubbed).toEqual({ '[secret]': ['x[secret]y', 1, null, { deep: '[secret]' }], date });
    expect(scrubSecret('s\\u006b\\/Echo', 'sk/Echo')).toBe('[secret]');
    expect(scrubSecret('nothing here', SECRET)).toBe('nothing here');
    expect(scrubSecret(SECRET, undefined)).toBe(SECRET);
  });
});

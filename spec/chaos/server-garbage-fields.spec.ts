import fc from 'fast-check';
import { lastValueFrom, toArray, type Observable } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { InvalidParamError, UploadcareException } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { FileList } from '../../lib/resources/file-list.js';
import { GroupList } from '../../lib/resources/group-list.js';
import { uploadFromUrlSync } from '../../lib/upload/from-url.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import type { ScriptedResponse } from '../support/script-server.js';
import { enqueue, failure, requestLog, resetScript, scriptBase } from '../transport/script.js';
import { chaosScale } from './support/scale.js';

// Garbage in the fields of server answers (issue 13, item 11): a uuid or group id that is missing, malformed or a path
// (`../x`) is a bad answer, never the caller's mistake: an UploadcareException that is not an InvalidParamError (which
// the CLI reports as a usage error, exit 2), after exactly the requests the scenario answers.

const UUID = 'a771f854-c2cb-408a-8c36-71af77811f3b';
const GROUP_ID = `${UUID}~1`;
const FC_SEED = 1311;

/** A scenario: the answers a server gives, with `bad` in a uuid or id field, and the call that reads them. */
interface Scenario {
  readonly name: string;
  readonly answers: (bad: unknown) => readonly ScriptedResponse[];
  readonly call: (client: Uploadcare) => Observable<unknown>;
}

const listPage = (results: readonly unknown[]): ScriptedResponse => ({ status: 200, body: { next: null, previous: null, total: results.length, per_page: 100, results } });
const fileInfo = (uuid: unknown) => ({ uuid, size: 3, is_image: false, is_ready: true, datetime_removed: null, original_filename: 'x' });

const SCENARIOS: readonly Scenario[] = [
  { name: 'a file list entry', answers: (bad) => [listPage([fileInfo(bad)])], call: (client) => new FileList({}, client).pipe(toArray()) },
  { name: 'a group list entry', answers: (bad) => [listPage([{ id: bad, files_count: 1 }])], call: (client) => new GroupList({}, client).pipe(toArray()) },
  { name: "a group info's file", answers: (bad) => [{ status: 200, body: { id: GROUP_ID, files_count: 1, files: [fileInfo(bad)] } }], call: (client) => new FileGroup(GROUP_ID, client).files().pipe(toArray()) },
  { name: 'the base/ answer', answers: (bad) => [{ status: 200, body: { file: bad } }], call: (client) => uploadFile(new Uint8Array([1, 2, 3]), {}, client).pipe(toFile()) },
  { name: 'the group/ answer', answers: (bad) => [{ status: 200, body: { id: bad, files_count: 1 } }], call: (client) => FileGroup.create([new File(UUID, client)], client) },
  { name: 'the from_url/ answer', answers: (bad) => [{ status: 200, body: { type: 'token', token: 't' } }, { status: 200, body: { status: 'success', uuid: bad, is_ready: true } }], call: (client) => uploadFromUrlSync('https://example.com/x.jpg', {}, client) },
];

/** Values a uuid or group id field must never be taken from: missing, mistyped, near misses, paths. */
function garbageId(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(undefined, null, '', '../x', '../../x', `${UUID}/..`, `../${UUID}`, UUID.toUpperCase(), ` ${UUID}`, `${UUID}~0`, `x/${GROUP_ID}`, `https://ucarecdn.com/${UUID}/`, 42, [UUID], { uuid: UUID }),
    fc.string(),
    fc.tuple(fc.uuid(), fc.string({ minLength: 1 })).map(([uuid, tail]) => `${uuid}${tail}`),
  );
}

/** True when `value` is what the scenario's field would accept (a bare uuid, or for group ids a bare `<uuid>~N`). */
function acceptable(value: unknown): boolean {
  return typeof value === 'string' && /^[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}(~[1-9]\d*)?$/.test(value);
}

describe('chaos: garbage ids in server answers are the server\'s fault', () => {
  const client = () =>
    new Uploadcare({ publicKey: 'pk', secretKey: 'sk', restBase: scriptBase(), uploadBase: scriptBase(), timeoutMs: 5000, retry: { network: { maxRetries: 0 }, throttled: { maxRetries: 0 } } });

  async function expectBadAnswer(scenario: Scenario, bad: unknown): Promise<void> {
    await resetScript();
    const answers = scenario.answers(bad);
    await enqueue(...answers);
    const error = await failure(lastValueFrom(scenario.call(client())));
    expect(error).toBeInstanceOf(UploadcareException);
    expect(error).withContext(`${scenario.name} with ${JSON.stringify(bad)}: ${String(error)}`).not.toBeInstanceOf(InvalidParamError);
    expect((await requestLog()).length).toBe(answers.length);
  }

  // Multipart needs a 10 MiB input: checked with the fixed values only, not in the property.
  const multipart: Scenario = {
    name: 'the multipart/start/ answer',
    answers: (bad) => [{ status: 200, body: { uuid: bad, parts: ['http://127.0.0.1:9/a', 'http://127.0.0.1:9/b'] } }],
    call: (client) => uploadFile(new Uint8Array(10 * 1024 * 1024), {}, client).pipe(toFile()),
  };

  for (const files of ['abc', 5, { 0: {} }]) {
    it(`a group info whose files are ${JSON.stringify(files)}, not a list: a bad answer`, async () => {
      await resetScript();
      await enqueue({ status: 200, body: { id: GROUP_ID, files_count: 1, files } });
      const error = await failure(lastValueFrom(new FileGroup(GROUP_ID, client()).files().pipe(toArray())));
      expect(error).toBeInstanceOf(UploadcareException);
      expect(error).not.toBeInstanceOf(InvalidParamError);
    });
  }

  for (const scenario of [...SCENARIOS, multipart]) {
    for (const bad of [undefined, '../x', '../../x']) {
      it(`${scenario.name} with the id ${JSON.stringify(bad) ?? 'missing'}: a bad answer, not an InvalidParamError`, () => expectBadAnswer(scenario, bad));
    }
  }

  it('fast-check: any garbage id in any of these answers is a bad answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SCENARIOS), garbageId(), async (scenario, bad) => {
        if (acceptable(bad)) return;
        await expectBadAnswer(scenario, bad);
      }),
      { seed: FC_SEED, numRuns: chaosScale().propertyRuns },
    );
  });
});

import fc from 'fast-check';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from 'rxuploadcare-emulator';
import { Journal } from '../../emulator/lib/state/journal.js';
import type { UploadLimits } from '../../emulator/lib/upload/limits.js';
import { rawRequest, type RawAnswer } from '../../emulator/spec/ops/support.js';
import { rest } from '../../emulator/spec/rest/support/signed-fetch.js';
import { chaosEmulator } from './support/emulator.js';
import { chaosScale } from './support/scale.js';

// Issue 13, items 5 and 6, as properties: (1) whatever shape a direct upload has, within or beyond the Upload API's
// limits, it gets its documented answer and leaves nothing behind when refused; (2) whatever order of state changes
// meets whatever pattern of failing disk writes, every change is answered 2xx exactly when it was written, memory
// always equals the disk, and a restart finds what memory had. Limits are small here so that the bodies stay small.

const KEY = 'demopublickey';
const B = 'chaosLimitsBoundary';
const LIMITS: Omit<UploadLimits, 'memoryStoreBytes'> = { directUploadBytes: 48 * 1024, maxFileSize: 1024 * 1024, multipartParts: 10, formFields: 12, formFieldBytes: 2048, formFiles: 4 };

interface FormShape {
  /** Where the public key goes, and whether it is a project's. */
  readonly key: 'query' | 'before' | 'after' | 'none' | 'wrong-before';
  readonly fields: readonly number[];
  readonly files: readonly number[];
}

const formShape: fc.Arbitrary<FormShape> = fc.record({
  key: fc.constantFrom('query', 'before', 'after', 'none', 'wrong-before'),
  fields: fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 16 }),
  files: fc.array(fc.integer({ min: 0, max: 20 * 1024 }), { maxLength: 6 }),
});

function bodyOf(shape: FormShape): Buffer {
  const field = (name: string, value: string): string => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const parts: Buffer[] = [];
  if (shape.key === 'before') parts.push(Buffer.from(field('UPLOADCARE_PUB_KEY', KEY)));
  if (shape.key === 'wrong-before') parts.push(Buffer.from(field('UPLOADCARE_PUB_KEY', 'nosuchkey')));
  shape.fields.forEach((size, i) => parts.push(Buffer.from(field(`note${i}`, 'v'.repeat(size)))));
  shape.files.forEach((size, i) => {
    const head = `--${B}\r\nContent-Disposition: form-data; name="file${i}"; filename="f${i}.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    parts.push(Buffer.from(head), Buffer.alloc(size, i), Buffer.from('\r\n'));
  });
  if (shape.key === 'after') parts.push(Buffer.from(field('UPLOADCARE_PUB_KEY', KEY)));
  parts.push(Buffer.from(`--${B}--\r\n`));
  return Buffer.concat(parts);
}

/** The error codes the shape may be refused with (several limits can be broken; the first met wins), or ok. */
function allowedOutcomes(shape: FormShape): string[] {
  const outcomes: string[] = [];
  const keyFieldBytes = shape.key === 'before' || shape.key === 'after' ? 'UPLOADCARE_PUB_KEY'.length + KEY.length : shape.key === 'wrong-before' ? 27 : 0;
  const fieldBytes = shape.fields.reduce((sum, size, i) => sum + `note${i}`.length + size, keyFieldBytes);
  const fieldCount = shape.fields.length + (shape.key === 'query' || shape.key === 'none' ? 0 : 1);
  if (fieldCount > LIMITS.formFields) outcomes.push('RequestFiledsNumberLimitExceededError');
  if (fieldBytes > LIMITS.formFieldBytes) outcomes.push('RequestSizeLimitExceededError');
  if (shape.files.length > LIMITS.formFiles) outcomes.push('RequestFileNumberLimitExceededError');
  if (shape.files.reduce((sum, size) => sum + size, 0) > LIMITS.directUploadBytes) outcomes.push('RequestSizeLimitExceededError');
  if (shape.key === 'none') outcomes.push('ProjectPublicKeyRequiredError');
  if (shape.key === 'wrong-before') outcomes.push('ProjectPublicKeyInvalidError');
  if (shape.files.length === 0) outcomes.push('FilesRequiredError');
  return outcomes.length > 0 ? outcomes : ['ok'];
}

function outcomeOf(answer: RawAnswer): string {
  if (answer.kind !== 'answer') return `network error ${answer.code}`;
  const body = JSON.parse(answer.body.toString()) as { error?: { error_code?: string } };
  // A jsonerrors=1 refusal is HTTP 200 with the envelope, as at the real service.
  if (body.error?.error_code !== undefined) return body.error.error_code;
  return answer.status === 200 ? 'ok' : `status ${answer.status}`;
}

describe('chaos: emulator limits and failing disks (fast-check)', () => {
  const runs = chaosScale().propertyRuns;
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-chaos-limits-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every direct upload shape as its limits say, and keeps nothing of a refused one', async () => {
    const emulator = await chaosEmulator({ dataDir: dir, limits: LIMITS });
    try {
      await fc.assert(
        fc.asyncProperty(formShape, async (shape) => {
          const filesBefore = emulator.store.filesOf(KEY).length;
          const query = shape.key === 'query' ? `&UPLOADCARE_PUB_KEY=${KEY}` : '';
          const answer = await rawRequest(`${emulator.url}/base/?jsonerrors=1${query}`, {
            method: 'POST',
            headers: { 'Content-Type': `multipart/form-data; boundary=${B}` },
            body: bodyOf(shape),
          });
          const outcome = outcomeOf(answer);
          expect(allowedOutcomes(shape)).toContain(outcome);
          const added = emulator.store.filesOf(KEY).length - filesBefore;
          expect(added).toBe(outcome === 'ok' ? shape.files.length : 0);
          const owned = new Set(emulator.store.filesOf(KEY).map((file) => file.blobId));
          expect((await readdir(join(dir, 'blobs'))).filter((id) => !owned.has(id))).toEqual([]);
        }),
        { numRuns: runs },
      );
    } finally {
      await emulator.close();
    }
  }, 120_000);

  type Change = { readonly kind: 'upload' } | { readonly kind: 'metadata'; readonly value: string } | { readonly kind: 'delete' } | { readonly kind: 'group' };
  const change: fc.Arbitrary<Change> = fc.oneof(
    fc.constant({ kind: 'upload' } as const),
    fc.stringMatching(/^[a-z]{1,8}$/).map((value) => ({ kind: 'metadata', value }) as const),
    fc.constant({ kind: 'delete' } as const),
    fc.constant({ kind: 'group' } as const),
  );

  /** Makes one change through the API, on the newest file when it needs one; undefined when there is none to change. */
  async function makeChange(emulator: RunningEmulator, step: Change): Promise<number | undefined> {
    const files = emulator.store.filesOf(KEY).filter((file) => !file.datetimeRemoved);
    const newest = files[files.length - 1];
    switch (step.kind) {
      case 'upload': {
        const body = bodyOf({ key: 'before', fields: [], files: [64] });
        const answer = await rawRequest(`${emulator.url}/base/?jsonerrors=1`, { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${B}` }, body });
        return answer.kind === 'answer' ? answer.status : 0;
      }
      case 'metadata':
        if (!newest) return undefined;
        return (await rest(emulator.url, { method: 'PUT', path: `/files/${newest.uuid}/metadata/k/`, body: step.value })).status;
      case 'delete':
        if (!newest) return undefined;
        return (await rest(emulator.url, { method: 'DELETE', path: `/files/${newest.uuid}/storage/` })).status;
      case 'group': {
        if (!newest) return undefined;
        const answer = await rawRequest(`${emulator.url}/group/?jsonerrors=1&pub_key=${KEY}&files[]=${newest.uuid}`, { method: 'POST' });
        return answer.kind === 'answer' ? answer.status : 0;
      }
    }
  }

  const stateOf = (emulator: RunningEmulator): unknown => ({ files: emulator.store.filesOf(KEY), groups: emulator.store.groupsOf(KEY) });

  it('answers each change 2xx exactly when it was written, keeps memory as the disk, and restarts into it', async () => {
    // The disk fails the way a full one does, for the writes of the steps drawn to fail (a journal append, or the
    // last step of a snapshot: emptying the journal once the new snapshot is in place).
    let diskFails = false;
    const failing = (): Promise<void> => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    const append = Journal.prototype.append;
    const clear = Journal.prototype.clear;
    spyOn(Journal.prototype, 'append').and.callFake(function (this: Journal, ...args: Parameters<Journal['append']>) {
      return diskFails ? failing() : append.apply(this, args);
    });
    spyOn(Journal.prototype, 'clear').and.callFake(function (this: Journal) {
      return diskFails ? failing() : clear.apply(this);
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(change, fc.boolean()), { minLength: 1, maxLength: 8 }), async (steps) => {
        await rm(dir, { recursive: true, force: true });
        const emulator = await chaosEmulator({ dataDir: dir });
        let closed = false;
        try {
          for (const [step, fails] of steps) {
            const before = stateOf(emulator);
            diskFails = fails;
            const status = await makeChange(emulator, step);
            diskFails = false;
            if (status === undefined) continue;
            if (fails) {
              expect(status).toBe(500);
              expect(stateOf(emulator)).toEqual(before);
            } else {
              expect(status).toBeGreaterThanOrEqual(200);
              expect(status).toBeLessThan(300);
            }
          }
          const last = stateOf(emulator);
          await emulator.close();
          closed = true;
          const restarted = await chaosEmulator({ dataDir: dir });
          try {
            expect(stateOf(restarted)).toEqual(last);
          } finally {
            await restarted.close();
          }
        } finally {
          if (!closed) await emulator.close();
        }
      }),
      { numRuns: Math.max(10, Math.round(runs / 4)) },
    );
  }, 120_000);
});

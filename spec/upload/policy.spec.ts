import { InvalidParamError } from '../../lib/errors.js';
import { DEFAULT_UPLOAD_POLICY, MULTIPART_MIN_PART_SIZE, MULTIPART_MIN_SIZE, resolveUploadPolicy } from '../../lib/upload/policy.js';
import { ByteProgress, fileBytesOfForm } from '../../lib/upload/progress.js';

describe('upload policy', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_UPLOAD_POLICY).toEqual({
      multipartThreshold: 10 * 1024 * 1024,
      partConcurrency: 4,
      partRetries: 3,
      partSize: 5 * 1024 * 1024,
      fileConcurrency: 4,
    });
    expect(resolveUploadPolicy()).toEqual(DEFAULT_UPLOAD_POLICY);
  });

  it('overrides field by field, ignoring undefined', () => {
    expect(resolveUploadPolicy({ partConcurrency: 2, partRetries: undefined })).toEqual({ ...DEFAULT_UPLOAD_POLICY, partConcurrency: 2 });
  });

  it('refuses what the API or common sense refuses', () => {
    const bad = [
      { multipartThreshold: MULTIPART_MIN_SIZE - 1 },
      { partSize: MULTIPART_MIN_PART_SIZE - 1 },
      { partConcurrency: 0 },
      { partConcurrency: 1.5 },
      { fileConcurrency: Number.NaN },
      { partRetries: -1 },
    ];
    for (const policy of bad) expect(() => resolveUploadPolicy(policy)).withContext(JSON.stringify(policy)).toThrowError(InvalidParamError);
  });
});

describe('ByteProgress', () => {
  it('sums the slots and reports each increase', () => {
    const seen: number[] = [];
    const progress = new ByteProgress([10, 20], (done) => seen.push(done));
    progress.update(0, 4);
    progress.update(1, 5);
    progress.finish(0);
    expect(seen).toEqual([4, 9, 15]);
    expect(progress.done).toBe(15);
  });

  it('stays monotonic when a slot restarts (a retried part) and never counts re-sent bytes twice', () => {
    const seen: number[] = [];
    const progress = new ByteProgress([10], (done) => seen.push(done));
    progress.update(0, 8);
    progress.update(0, 2);
    progress.update(0, 9);
    progress.update(0, 50);
    expect(seen).toEqual([8, 9, 10]);
  });
});

describe('fileBytesOfForm', () => {
  it('scales the form bytes sent onto the file bytes', () => {
    expect(fileBytesOfForm(0, 1100, 1000)).toBe(0);
    expect(fileBytesOfForm(550, 1100, 1000)).toBe(500);
    expect(fileBytesOfForm(1100, 1100, 1000)).toBe(1000);
    expect(fileBytesOfForm(5000, 1100, 1000)).toBe(1000);
    expect(fileBytesOfForm(700, null, 1000)).toBe(700);
    expect(fileBytesOfForm(7000, null, 1000)).toBe(1000);
  });
});

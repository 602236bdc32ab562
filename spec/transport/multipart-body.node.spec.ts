import { encodeForm } from '../../lib/transport/multipart-body.js';

// The one-buffer form of Node must read back as the FormData it stands in for.
describe('encodeForm (Node: a form of in-memory bytes as one buffer)', () => {
  it('encodes fields and byte files so that a multipart parser reads back the same entries', async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    const encoded = encodeForm(
      { UPLOADCARE_PUB_KEY: 'pk', UPLOADCARE_STORE: 'auto', 'metadata[say "hi"]': 'two\nlines', list: ['a', 'b'], skipped: undefined },
      { file: { data: bytes, filename: 'névé "x".bin', contentType: 'Image/PNG' }, other: new Uint8Array([1, 2, 3]).buffer },
    );
    expect(encoded).toBeDefined();
    expect(encoded!.contentType).toMatch(/^multipart\/form-data; boundary=form-data-boundary-[\w-]{25}$/);
    const form = await new Response(encoded!.body as BodyInit, { headers: { 'Content-Type': encoded!.contentType } }).formData();
    expect(form.get('UPLOADCARE_PUB_KEY')).toBe('pk');
    expect(form.get('UPLOADCARE_STORE')).toBe('auto');
    expect(form.get('metadata[say "hi"]')).toBe('two\r\nlines');
    expect(form.getAll('list')).toEqual(['a', 'b']);
    expect(form.has('skipped')).toBeFalse();
    const file = form.get('file') as File;
    expect(file.name).toBe('névé "x".bin');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    const other = form.get('other') as File;
    expect(other.name).toBe('other');
    expect(other.type).toBe('application/octet-stream');
    expect(new Uint8Array(await other.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('leaves a form holding a Blob to FormData', () => {
    expect(encodeForm({ a: '1' }, { file: new Blob(['x']) })).toBeUndefined();
  });
});

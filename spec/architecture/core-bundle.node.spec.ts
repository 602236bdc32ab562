import { build } from 'esbuild';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** The modules (paths from the repository, packages by name) a browser app bundling `code` keeps. */
async function bundledModules(code: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    external: ['rxjs', 'rxjs/*'],
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path.replace(/^.*node_modules\//, '')),
  );
}

// What tree-shaking can leave out is decided by the imports: these keep the layers apart in an app's bundle.
describe('what a bundle of the core keeps', () => {
  it('an upload through the core functions brings no REST resource, list paging, REST signing or MD5', async () => {
    const modules = await bundledModules(`
      import { UploadcareClient, uploadFileToUuid } from './lib/index.ts';
      export const run = (blob) => uploadFileToUuid(blob, {}, new UploadcareClient({ publicKey: 'k' })).subscribe();`);
    expect(modules).toContain('lib/upload/upload-to-uuid.ts');
    const unwanted = modules.filter((path) => /^js-md5\/|^lib\/resources\/(file|file-group|file-list|resource-list|batch)\.ts$|^lib\/transport\/rest-auth\.ts$|^lib\/core\/rest\.ts$/.test(path));
    expect(unwanted).toEqual([]);
  }, 60_000);

  it('a listing through the core functions brings neither File, the upload code, nor MD5 before a body is signed', async () => {
    const modules = await bundledModules(`
      import { listFiles, UploadcareClient } from './lib/index.ts';
      export const run = (signatureResolver) => listFiles({}, new UploadcareClient({ publicKey: 'k', signatureResolver })).subscribe();`);
    expect(modules).toContain('lib/resources/list-files.ts');
    // js-md5 is bundled, but behind a dynamic import: code splitting keeps it out of what loads at start.
    const unwanted = modules.filter((path) => /^lib\/resources\/(file|file-group|file-list|resource-list)\.ts$|^lib\/upload\//.test(path));
    expect(unwanted).toEqual([]);
  }, 60_000);

  it('a browser build takes axios\'s XHR adapter alone, not the rest of axios', async () => {
    const modules = await bundledModules(`
      import { UploadcareClient, uploadFileToUuid } from './lib/index.ts';
      export const run = (blob) => uploadFileToUuid(blob, {}, new UploadcareClient({ publicKey: 'k' })).subscribe();`);
    expect(modules).toContain('axios/lib/adapters/xhr.js');
    const unwanted = modules.filter((path) => /^axios\/lib\/(adapters\/fetch|core\/Axios|core\/dispatchRequest|defaults\/index)\.js$/.test(path));
    expect(unwanted).toEqual([]);
  }, 60_000);

  it('File URLs with effects strings bring no transformation builder; a transformation brings it', async () => {
    const strings = await bundledModules(`
      import { File } from './lib/index.ts';
      export const url = (uuid) => new File(uuid).cdnPath('preview/200x200/');`);
    expect(strings).toContain('lib/resources/effects.ts');
    expect(strings.filter((path) => path.startsWith('lib/cdn/'))).toEqual([]);
    const built = await bundledModules(`
      import { File, ImageTransformation } from './lib/index.ts';
      export const url = (uuid) => new File(uuid).cdnPath(new ImageTransformation().preview(200, 200));`);
    expect(built).toContain('lib/cdn/transformations/image-transformation.ts');
    expect(built).not.toContain('lib/cdn/responsive.ts');
  }, 60_000);
});

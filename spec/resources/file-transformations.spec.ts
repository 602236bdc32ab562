import { ImageTransformation } from '../../lib/cdn/transformations/image-transformation.js';
import { InvalidParamError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { countingClient } from './support/clients.js';

const UUID = 'a771f854-c2cb-408a-8c36-71af77811f3b';
const GROUP = `${UUID}~3`;

// File and FileGroup URLs take an ImageTransformation wherever they take an effects string; no request is made.
describe('File and FileGroup URLs with an ImageTransformation', () => {
  const thumb = new ImageTransformation().preview(400, 400).format('auto');

  it('File.cdnPath and cdnUrlWith render the transformation as the effects string would', () => {
    const uc = countingClient();
    const file = new File(UUID, uc);
    expect(file.cdnPath(thumb)).toBe(`${UUID}/-/preview/400x400/-/format/auto/`);
    expect(file.cdnPath(thumb)).toBe(file.cdnPath('preview/400x400/-/format/auto/'));
    expect(file.cdnPath(new ImageTransformation())).toBe(`${UUID}/`);
    expect(file.cdnUrlWith(thumb)).toBe(`${uc.options.cdnBase}${UUID}/-/preview/400x400/-/format/auto/`);
    expect(file.cdnUrlWith(null)).toBe(`${uc.options.cdnBase}${UUID}/`);
    expect(uc.calls.length).toBe(0);
  });

  it('File.defaultEffects takes a transformation and keeps its canonical string', () => {
    const file = new File(UUID, countingClient());
    file.defaultEffects = thumb;
    expect(file.defaultEffects).toBe('preview/400x400/-/format/auto/');
    expect(file.cdnUrl).toMatch(new RegExp(`/${UUID}/-/preview/400x400/-/format/auto/$`));
  });

  it('refuses an object that is neither a string nor a transformation, with InvalidParamError', () => {
    const file = new File(UUID, countingClient());
    expect(() => file.cdnPath({} as never)).toThrowError(InvalidParamError, /string or an ImageTransformation/);
    expect(() => (file.defaultEffects = 42 as never)).toThrowError(InvalidParamError);
  });

  it('FileGroup.fileCdnUrl gives nth/<i>/ with effects, counting negative indexes from the end', () => {
    const uc = countingClient();
    const group = new FileGroup(GROUP, uc);
    expect(group.fileCdnUrl(0)).toBe(group.fileCdnUrls[0]!);
    expect(group.fileCdnUrl(1, thumb)).toBe(`${uc.options.cdnBase}${GROUP}/nth/1/-/preview/400x400/-/format/auto/`);
    expect(group.fileCdnUrl(-1, 'resize/10x/')).toBe(`${uc.options.cdnBase}${GROUP}/nth/2/-/resize/10x/`);
    expect(() => group.fileCdnUrl(3)).toThrowError(InvalidParamError, /out of range/);
    expect(() => group.fileCdnUrl(0.5)).toThrowError(InvalidParamError);
    expect(uc.calls.length).toBe(0);
  });
});

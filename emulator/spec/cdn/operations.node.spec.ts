import { cropRect, place, previewSize, resizeSize, scaleCropSize } from '../../lib/cdn/geometry.js';
import { isRefusal, parseEffects, type EffectsChain } from '../../lib/cdn/operations.js';

/** The CDN's reading of effects into operations, and the sizes the geometric ones give (pure: no image involved). */
describe('emulator CDN: operations read and sized', () => {
  function chain(effects: string): EffectsChain {
    const parsed = parseEffects(effects);
    if (isRefusal(parsed)) throw new Error(parsed.refused);
    return parsed;
  }

  it('reads each argument form of crop, scale_crop and overlay', () => {
    expect(chain('crop/50px10/').operations).toEqual([{ name: 'crop', region: { kind: 'size', size: { width: { value: 50, percent: true }, height: { value: 10, percent: false } } }, placement: { kind: 'corner' } }]);
    expect(chain('crop/4:3/bottom/').operations[0]).toEqual(jasmine.objectContaining({ region: { kind: 'ratio', ratio: { width: 4, height: 3 } }, placement: { kind: 'align', align: 'bottom' } }));
    expect(chain('crop/face/1:1/').operations[0]).toEqual(jasmine.objectContaining({ region: { kind: 'tag', tag: 'face', within: { kind: 'ratio', ratio: { width: 1, height: 1 } } }, placement: { kind: 'align', align: 'center' } }));
    expect(chain('scale_crop/10x20/smart_faces/').operations[0]).toEqual(jasmine.objectContaining({ placement: { kind: 'align', align: 'center' } }));
    expect(chain('scale_crop/10x20/').operations[0]).toEqual(jasmine.objectContaining({ placement: { kind: 'corner' } }));
    expect(chain('overlay/self/50px50p/20p/').operations[0]).toEqual(jasmine.objectContaining({ size: { width: { value: 50, percent: true }, height: { value: 50, percent: true } }, at: { kind: 'corner' }, opacity: 20 }));
    expect(chain('overlay/self/10p,90p/').operations[0]).toEqual(jasmine.objectContaining({ size: null, at: { kind: 'offset', x: { value: 10, percent: true }, y: { value: 90, percent: true } }, opacity: 100 }));
  });

  it('takes defaults the reference gives: preview 2048x2048, enhance 50, sharp 5, blur 10, main_colors 4', () => {
    expect(chain('preview/-/enhance/-/sharp/-/blur/-/main_colors/').operations).toEqual([
      { name: 'preview', size: { width: 2048, height: 2048 } },
      { name: 'enhance', strength: 50 },
      { name: 'sharp', strength: 5 },
      { name: 'blur', strength: 10, amount: null },
      { name: 'main_colors', count: 4 },
    ]);
  });

  it('keeps inline apart from the image operations, and names what is not emulated', () => {
    expect(chain('inline/no/')).toEqual({ operations: [], inline: false, notEmulated: null });
    expect(chain('preview/-/detect_faces/').notEmulated).toBe('detect_faces');
  });

  it('sizes preview, resize, scale_crop and crop as the reference describes', () => {
    const source = { width: 400, height: 300 };
    expect(previewSize(source, { width: 100, height: 100 })).toEqual({ width: 100, height: 75 });
    expect(previewSize(source, { width: 2048, height: 2048 })).toEqual(source);
    expect(resizeSize(source, { width: 200, height: null }, 'on')).toEqual({ image: { width: 200, height: 150 }, canvas: { width: 200, height: 150 } });
    expect(resizeSize(source, { width: 800, height: null }, 'off')).toEqual({ image: source, canvas: source });
    expect(resizeSize(source, { width: 800, height: null }, 'fill')).toEqual({ image: source, canvas: { width: 800, height: 600 } });
    expect(scaleCropSize(source, { width: 100, height: 100 }, 'on')).toEqual({ image: { width: 133, height: 100 }, canvas: { width: 100, height: 100 } });
    expect(scaleCropSize(source, { width: 800, height: 800 }, 'off')).toEqual({ image: source, canvas: source });
    expect(cropRect(source, { kind: 'size', size: { width: { value: 100, percent: false }, height: { value: 50, percent: false } } }, { kind: 'align', align: 'center' })).toEqual({ left: 150, top: 125, width: 100, height: 50 });
    expect(place(source, { width: 100, height: 100 }, { kind: 'offset', x: { value: 10, percent: true }, y: { value: 90, percent: true } })).toEqual({ left: 30, top: 180 });
  });
});

import { ImageTransformation } from '../../lib/cdn/transformations/image-transformation.js';
import type { TransformationRule } from '../../lib/errors.js';
import { refusalOf } from './support.js';

type Build = (t: ImageTransformation) => unknown;
interface OperationCases {
  /** Chains and the exact path each renders. */
  readonly renders: readonly (readonly [Build, string])[];
  /** Chains the CDN would refuse, the argument named, the rule broken (and the operation refused, when another). */
  readonly refuses: readonly (readonly [Build, string, TransformationRule, string?])[];
}

// Untyped arguments reach the checks as a JavaScript caller (or a cast) would pass them.
const loose = (value: unknown) => value as never;

// Syntax and bounds: docs/images.md, one row per operation, with the Uploadcare page each comes from.
const CASES: Readonly<Record<string, OperationCases>> = {
  preview: {
    renders: [
      [(t) => t.preview(), '-/preview/'],
      [(t) => t.preview(300, 500), '-/preview/300x500/'],
    ],
    refuses: [
      [(t) => t.preview(300), 'height', 'integer'],
      [(t) => t.preview(0, 10), 'width', 'range'],
      [(t) => t.preview(10, 5001), 'height', 'range'],
      [(t) => t.preview(1.5, 10), 'width', 'integer'],
    ],
  },
  resize: {
    renders: [
      [(t) => t.resize(200), '-/resize/200x/'],
      [(t) => t.resize(undefined, 240), '-/resize/x240/'],
      [(t) => t.resize(320, 240), '-/resize/320x240/'],
    ],
    refuses: [
      [(t) => t.resize(undefined), 'width', 'required'],
      [(t) => t.resize(-1), 'width', 'range'],
      [(t) => t.resize(loose('200')), 'width', 'integer'],
    ],
  },
  smart_resize: {
    renders: [[(t) => t.smartResize(440, 600), '-/smart_resize/440x600/']],
    refuses: [[(t) => t.smartResize(440, loose(undefined)), 'height', 'integer']],
  },
  stretch: {
    renders: [[(t) => t.stretch('off').resize(220), '-/stretch/off/-/resize/220x/']],
    refuses: [[(t) => t.stretch(loose('up')), 'mode', 'one-of']],
  },
  crop: {
    renders: [
      [(t) => t.crop(960, 636), '-/crop/960x636/'],
      [(t) => t.crop(2000, 1325, 'center'), '-/crop/2000x1325/center/'],
      [(t) => t.crop(960, 636, { x: 2400, y: 700 }), '-/crop/960x636/2400,700/'],
      [(t) => t.crop('50%', '50%', { x: '10%', y: 0 }), '-/crop/50px50p/10p,0/'],
    ],
    refuses: [
      [(t) => t.crop('0%', 10), 'width', 'percent'],
      [(t) => t.crop('150%', 10), 'width', 'percent'],
      [(t) => t.crop(10, loose('10px')), 'height', 'percent'],
      [(t) => t.crop(10, 10, loose('middle')), 'position', 'one-of'],
      [(t) => t.crop(10, 10, { x: -1, y: 0 }), 'position.x', 'range'],
    ],
  },
  scale_crop: {
    renders: [
      [(t) => t.scaleCrop(200, 200), '-/scale_crop/200x200/'],
      [(t) => t.scaleCrop(200, 200, { position: 'center' }), '-/scale_crop/200x200/center/'],
      [(t) => t.scaleCrop(200, 200, { type: 'smart' }), '-/scale_crop/200x200/smart/'],
      [(t) => t.scaleCrop(200, 200, { type: 'smart_faces_objects', position: { x: '30%', y: '70%' } }), '-/scale_crop/200x200/smart_faces_objects/30p,70p/'],
    ],
    refuses: [
      [(t) => t.scaleCrop(200, 200, { type: loose('clever') }), 'type', 'one-of'],
      [(t) => t.scaleCrop(200, 200, { position: { x: 10, y: '10%' } }), 'position.x', 'percent'],
      [(t) => t.scaleCrop(200, 0), 'height', 'range'],
      [(t) => t.scaleCrop(200, 200, { position: loose('top') }), 'position', 'one-of'],
      [(t) => t.scaleCrop(200, 200, loose(null)), 'options', 'required'],
    ],
  },
  zoom_objects: {
    renders: [[(t) => t.scaleCrop(300, 300, { type: 'smart' }).zoomObjects(40), '-/scale_crop/300x300/smart/-/zoom_objects/40/']],
    refuses: [
      [(t) => t.zoomObjects(0), 'zoom', 'range'],
      [(t) => t.zoomObjects(101), 'zoom', 'range'],
    ],
  },
  setfill: {
    renders: [
      [(t) => t.setfill('ECE3D2'), '-/setfill/ece3d2/'],
      [(t) => t.setfill('#fff'), '-/setfill/fff/'],
    ],
    refuses: [
      [(t) => t.setfill('red'), 'color', 'hex-color'],
      [(t) => t.setfill('#abcd'), 'color', 'hex-color'],
    ],
  },
  border_radius: {
    renders: [
      [(t) => t.borderRadius(10), '-/border_radius/10/'],
      [(t) => t.borderRadius([10, '20%']), '-/border_radius/10,20p/'],
      [(t) => t.borderRadius('50%', ['10%', 0, 5, 5]), '-/border_radius/50p/10p,0,5,5/'],
    ],
    refuses: [
      [(t) => t.borderRadius([]), 'radii', 'count'],
      [(t) => t.borderRadius([1, 2, 3, 4, 5]), 'radii', 'count'],
      [(t) => t.borderRadius(10, [1, -2]), 'verticalRadii[1]', 'range'],
    ],
  },
  format: {
    renders: [
      [(t) => t.format('jpeg'), '-/format/jpeg/'],
      [(t) => t.format('png'), '-/format/png/'],
      [(t) => t.format('webp'), '-/format/webp/'],
      [(t) => t.format('avif'), '-/format/avif/'],
      [(t) => t.format('auto'), '-/format/auto/'],
      [(t) => t.format('preserve'), '-/format/preserve/'],
    ],
    refuses: [[(t) => t.format(loose('gif')), 'format', 'one-of']],
  },
  quality: {
    renders: [
      [(t) => t.quality('smart_retina'), '-/quality/smart_retina/'],
      [(t) => t.quality('lightest'), '-/quality/lightest/'],
    ],
    refuses: [[(t) => t.quality(loose(80)), 'quality', 'one-of']],
  },
  progressive: {
    renders: [
      [(t) => t.progressive(), '-/progressive/yes/'],
      [(t) => t.progressive(false), '-/progressive/no/'],
    ],
    refuses: [[(t) => t.progressive(loose('yes')), 'value', 'one-of']],
  },
  strip_meta: {
    renders: [[(t) => t.stripMeta('sensitive'), '-/strip_meta/sensitive/']],
    refuses: [[(t) => t.stripMeta(loose('some')), 'mode', 'one-of']],
  },
  srgb: {
    renders: [[(t) => t.srgb('keep_profile'), '-/srgb/keep_profile/']],
    refuses: [[(t) => t.srgb(loose('slow')), 'mode', 'one-of']],
  },
  max_icc_size: {
    renders: [
      [(t) => t.maxIccSize(0), '-/max_icc_size/0/'],
      [(t) => t.maxIccSize(512), '-/max_icc_size/512/'],
    ],
    refuses: [[(t) => t.maxIccSize(-1), 'kilobytes', 'range']],
  },
  inline: {
    renders: [
      [(t) => t.inline(), '-/inline/yes/'],
      [(t) => t.inline(false), '-/inline/no/'],
    ],
    refuses: [[(t) => t.inline(loose(1)), 'value', 'one-of']],
  },
  rotate: {
    renders: [
      [(t) => t.rotate(90), '-/rotate/90/'],
      [(t) => t.rotate(0), '-/rotate/0/'],
    ],
    refuses: [
      [(t) => t.rotate(loose(45)), 'angle', 'right-angle'],
      [(t) => t.rotate(loose(360)), 'angle', 'range'],
      [(t) => t.rotate(loose('90')), 'angle', 'integer'],
    ],
  },
  autorotate: {
    renders: [
      [(t) => t.autorotate(false), '-/autorotate/no/'],
      [(t) => t.autorotate(), '-/autorotate/yes/'],
    ],
    refuses: [[(t) => t.autorotate(loose(null)), 'value', 'one-of']],
  },
  flip: { renders: [[(t) => t.flip(), '-/flip/']], refuses: [] },
  mirror: { renders: [[(t) => t.mirror(), '-/mirror/']], refuses: [] },
  grayscale: { renders: [[(t) => t.grayscale(), '-/grayscale/']], refuses: [] },
  invert: { renders: [[(t) => t.invert(), '-/invert/']], refuses: [] },
  adjust: {
    renders: [
      [(t) => t.adjust('brightness', -20), '-/brightness/-20/'],
      [(t) => t.adjust('exposure', 500), '-/exposure/500/'],
      [(t) => t.adjust('gamma', 0), '-/gamma/0/'],
      [(t) => t.adjust('contrast', 500).adjust('saturation', -100).adjust('vibrance', 80).adjust('warmth', 100), '-/contrast/500/-/saturation/-100/-/vibrance/80/-/warmth/100/'],
    ],
    refuses: [
      [(t) => t.adjust('brightness', 101), 'value', 'range', 'brightness'],
      [(t) => t.adjust('gamma', -1), 'value', 'range', 'gamma'],
      [(t) => t.adjust('warmth', 1.5), 'value', 'integer', 'warmth'],
      [(t) => t.adjust(loose('hue'), 10), 'adjustment', 'one-of'],
    ],
  },
  enhance: {
    renders: [
      [(t) => t.enhance(), '-/enhance/'],
      [(t) => t.enhance(100), '-/enhance/100/'],
    ],
    refuses: [[(t) => t.enhance(101), 'strength', 'range']],
  },
  sharp: {
    renders: [
      [(t) => t.sharp(), '-/sharp/'],
      [(t) => t.sharp(20), '-/sharp/20/'],
    ],
    refuses: [[(t) => t.sharp(21), 'strength', 'range']],
  },
  blur: {
    renders: [
      [(t) => t.blur(), '-/blur/'],
      [(t) => t.blur(5000), '-/blur/5000/'],
      [(t) => t.blur(100, -200), '-/blur/100/-200/'],
    ],
    refuses: [
      [(t) => t.blur(5001), 'strength', 'range'],
      [(t) => t.blur(undefined, 50), 'amount', 'needs-strength'],
      [(t) => t.blur(10, 101), 'amount', 'range'],
    ],
  },
  blur_region: {
    renders: [
      [(t) => t.blurRegion({ width: 130, height: 180, x: 220, y: 25 }), '-/blur_region/130x180/220,25/'],
      [(t) => t.blurRegion({ width: '30%', height: '80%', x: '50%', y: '10%' }, 20), '-/blur_region/30px80p/50p,10p/20/'],
      [(t) => t.blurFaces(), '-/blur_region/faces/'],
      [(t) => t.blurFaces(250), '-/blur_region/faces/250/'],
    ],
    refuses: [
      [(t) => t.blurRegion(loose(null)), 'region', 'required'],
      [(t) => t.blurRegion({ width: 0, height: 1, x: 0, y: 0 }), 'width', 'range'],
      [(t) => t.blurFaces(-1), 'strength', 'range'],
    ],
  },
  overlay: {
    renders: [
      [(t) => t.overlay('B7C5F9F4-2E3D-4A6C-9D4E-0F1A2B3C4D5E'), '-/overlay/b7c5f9f4-2e3d-4a6c-9d4e-0f1a2b3c4d5e/'],
      [(t) => t.overlay('self', { size: { width: '50%', height: '50%' }, position: 'center' }), '-/overlay/self/50px50p/center/'],
      [(t) => t.overlay('self', { size: { width: '50%', height: '50%' }, opacity: '20%' }), '-/overlay/self/50px50p/20p/'],
      [(t) => t.overlay('self', { position: { x: '10%', y: '90%' }, opacity: '0%' }), '-/overlay/self/10p,90p/0p/'],
    ],
    refuses: [
      [(t) => t.overlay('logo.png'), 'image', 'uuid'],
      [(t) => t.overlay('self', { opacity: loose('101%') }), 'opacity', 'percent'],
      [(t) => t.overlay('self', { size: { width: '50%', height: 0 } }), 'size.height', 'range'],
      [(t) => t.overlay('self', loose('center')), 'options', 'required'],
      [(t) => t.overlay('self', { size: loose('50%') }), 'size', 'required'],
    ],
  },
  json: {
    renders: [[(t) => t.preview(100, 100).json(), '-/preview/100x100/-/json/']],
    refuses: [[(t) => t.json().resize(10), 'operation', 'last-operation', 'resize']],
  },
  main_colors: {
    renders: [
      [(t) => t.mainColors(), '-/main_colors/'],
      [(t) => t.preview().mainColors(3), '-/preview/-/main_colors/3/'],
    ],
    refuses: [
      [(t) => t.mainColors(0), 'count', 'range'],
      [(t) => t.mainColors().json(), 'operation', 'last-operation', 'json'],
    ],
  },
};

describe('ImageTransformation operations', () => {
  for (const [name, cases] of Object.entries(CASES)) {
    describe(name, () => {
      it('renders exactly the CDN URL syntax', () => {
        for (const [build, path] of cases.renders) expect(String(build(new ImageTransformation()))).toBe(path);
      });

      if (cases.refuses.length > 0) {
        it('refuses what the CDN refuses with an InvalidTransformationError naming the operation, argument and rule', () => {
          for (const [build, argument, rule, operation = name] of cases.refuses) {
            const error = refusalOf(() => build(new ImageTransformation()));
            expect({ operation: error.operation, argument: error.argument, rule: error.rule }).withContext(error.message).toEqual({ operation, argument, rule });
            expect(error.message).toContain(`${error.operation}: ${argument} `);
          }
        });
      }
    });
  }

  it('covers every method of the builder', () => {
    const methods = Object.getOwnPropertyNames(ImageTransformation.prototype).filter((key) => key !== 'constructor' && key !== 'toString' && key !== 'effects' && key !== 'operations');
    const named: Readonly<Record<string, string>> = { smartResize: 'smart_resize', scaleCrop: 'scale_crop', zoomObjects: 'zoom_objects', borderRadius: 'border_radius', stripMeta: 'strip_meta', maxIccSize: 'max_icc_size', blurRegion: 'blur_region', blurFaces: 'blur_region', mainColors: 'main_colors' };
    for (const method of methods) expect(Object.keys(CASES)).withContext(method).toContain(named[method] ?? method);
  });
});

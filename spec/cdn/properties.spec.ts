import fc from 'fast-check';
import { parseCdnPath } from '../../emulator/lib/cdn/cdn-path.js';
import { COLOR_ADJUSTMENTS } from '../../lib/cdn/transformations/colors.js';
import { ImageTransformation } from '../../lib/cdn/transformations/image-transformation.js';
import { TRANSFORMATION_LIMITS } from '../../lib/cdn/transformations/limits.js';
import { parseTransformation } from '../../lib/cdn/transformations/parse.js';
import { InvalidTransformationError } from '../../lib/errors.js';

type Step = (t: ImageTransformation) => ImageTransformation;

const UUID = '3addab78-6368-4c55-ac08-22412b6a2a4c';
const pixels = fc.integer({ min: 1, max: 5000 });
const percent = fc.integer({ min: 1, max: 100 }).map((n) => `${n}%` as const);
const offsetPercent = fc.integer({ min: 0, max: 100 }).map((n) => `${n}%` as const);
const size = fc.oneof(pixels, percent);
const offset = fc.oneof(fc.integer({ min: 0, max: 5000 }), offsetPercent);
const alignment = fc.constantFrom('center' as const, 'top' as const, 'bottom' as const, 'left' as const, 'right' as const);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Every operation of the builder with valid random arguments. */
const validStep: fc.Arbitrary<Step> = fc.oneof(
  fc.option(fc.tuple(pixels, pixels), { nil: undefined }).map((wh): Step => (t) => (wh ? t.preview(...wh) : t.preview())),
  fc.oneof(fc.tuple(pixels, optional(pixels)), fc.tuple(fc.constant(undefined), pixels)).map(([w, h]): Step => (t) => t.resize(w, h)),
  fc.tuple(pixels, pixels).map(([w, h]): Step => (t) => t.smartResize(w, h)),
  fc.constantFrom('on' as const, 'off' as const, 'fill' as const).map((mode): Step => (t) => t.stretch(mode)),
  fc.tuple(size, size, optional(fc.oneof(alignment, fc.record({ x: offset, y: offset })))).map(([w, h, where]): Step => (t) => t.crop(w, h, where)),
  fc
    .tuple(pixels, pixels, optional(fc.constantFrom('smart' as const, 'smart_faces' as const, 'smart_objects_faces_points' as const)), optional(fc.oneof(fc.constant('center' as const), fc.record({ x: offsetPercent, y: offsetPercent }))))
    .map(([w, h, type, position]): Step => (t) => t.scaleCrop(w, h, { ...(type && { type }), ...(position && { position }) })),
  fc.integer({ min: 1, max: 100 }).map((zoom): Step => (t) => t.zoomObjects(zoom)),
  fc.stringMatching(/^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/).map((color): Step => (t) => t.setfill(color)),
  fc.tuple(fc.array(offset, { minLength: 1, maxLength: 4 }), optional(offset)).map(([radii, vertical]): Step => (t) => t.borderRadius(radii, vertical)),
  fc.constantFrom('jpeg' as const, 'png' as const, 'webp' as const, 'avif' as const, 'auto' as const, 'preserve' as const).map((format): Step => (t) => t.format(format)),
  fc.constantFrom('normal' as const, 'smart' as const, 'smart_retina' as const, 'lightest' as const).map((quality): Step => (t) => t.quality(quality)),
  fc.boolean().map((on): Step => (t) => t.progressive(on)),
  fc.constantFrom('all' as const, 'none' as const, 'sensitive' as const).map((mode): Step => (t) => t.stripMeta(mode)),
  fc.constantFrom('fast' as const, 'icc' as const, 'keep_profile' as const).map((mode): Step => (t) => t.srgb(mode)),
  fc.nat({ max: 100_000 }).map((kb): Step => (t) => t.maxIccSize(kb)),
  fc.boolean().map((on): Step => (t) => t.inline(on)),
  fc.constantFrom(0 as const, 90 as const, 180 as const, 270 as const).map((angle): Step => (t) => t.rotate(angle)),
  fc.boolean().map((on): Step => (t) => t.autorotate(on)),
  fc.constantFrom<Step>((t) => t.flip(), (t) => t.mirror(), (t) => t.grayscale(), (t) => t.invert()),
  fc
    .constantFrom(...COLOR_ADJUSTMENTS)
    .chain((name) => fc.integer(TRANSFORMATION_LIMITS.colorAdjustments[name]).map((value): Step => (t) => t.adjust(name, value))),
  optional(fc.integer({ min: 0, max: 100 })).map((s): Step => (t) => t.enhance(s)),
  optional(fc.integer({ min: 0, max: 20 })).map((s): Step => (t) => t.sharp(s)),
  fc.option(fc.tuple(fc.integer({ min: 0, max: 5000 }), optional(fc.integer({ min: -200, max: 100 }))), { nil: undefined }).map((args): Step => (t) => (args ? t.blur(...args) : t.blur())),
  fc.tuple(fc.record({ width: size, height: size, x: offset, y: offset }), optional(fc.integer({ min: 0, max: 5000 }))).map(([region, s]): Step => (t) => t.blurRegion(region, s)),
  optional(fc.integer({ min: 0, max: 5000 })).map((s): Step => (t) => t.blurFaces(s)),
  fc
    .tuple(fc.constantFrom('self', UUID), optional(fc.record({ width: size, height: size })), optional(fc.oneof(alignment, fc.record({ x: offset, y: offset }))), optional(offsetPercent))
    .map(([image, overlaySize, position, opacity]): Step => (t) => t.overlay(image, { ...(overlaySize && { size: overlaySize }), ...(position && { position }), ...(opacity && { opacity }) })),
);
const lastStep: fc.Arbitrary<Step | undefined> = fc.constantFrom<Step | undefined>(undefined, (t) => t.json(), (t) => t.mainColors(), (t) => t.mainColors(5));
const chain = fc.tuple(fc.array(validStep, { maxLength: 12 }), lastStep).map(([steps, last]) => (last ? [...steps, last] : steps));
const build = (steps: readonly Step[]) => steps.reduce((t, step) => step(t), new ImageTransformation());

describe('ImageTransformation properties', () => {
  it('chaining never changes the transformation it starts from', () => {
    fc.assert(
      fc.property(fc.array(validStep, { maxLength: 12 }), validStep, (steps, more) => {
        const before = build(steps);
        const text = String(before);
        const operations = before.operations;
        const after = more(before);
        expect(String(before)).toBe(text);
        expect(before.operations).toBe(operations);
        expect(after.operations.length).toBe(operations.length + 1);
        expect(Object.isFrozen(before)).toBeTrue();
        expect(Object.isFrozen(before.operations)).toBeTrue();
      }),
    );
  });

  it('renders stably: the same steps give the same path, twice, and effects are the path without its leading -/', () => {
    fc.assert(
      fc.property(chain, (steps) => {
        const path = String(build(steps));
        expect(String(build(steps))).toBe(path);
        expect(build(steps).effects).toBe(path.replace(/^-\//, ''));
      }),
    );
  });

  it("every valid chain renders a path the emulator's CDN path parser accepts, with the same effects", () => {
    fc.assert(
      fc.property(chain, (steps) => {
        const transformation = build(steps);
        const target = parseCdnPath(UUID, String(transformation));
        expect(target).toEqual(jasmine.objectContaining({ kind: 'file', uuid: UUID, effects: transformation.effects, filename: null }));
        // Each argument is one plain path segment: nothing to escape, no `%`.
        for (const op of transformation.operations) for (const arg of op.args) expect(arg).toMatch(/^[a-z0-9_,.-]+$/);
      }),
    );
  });

  it('parseTransformation reads back every valid chain: the same path, the same operations', () => {
    fc.assert(
      fc.property(chain, (steps) => {
        const transformation = build(steps);
        const read = parseTransformation(String(transformation));
        expect(String(read)).toBe(String(transformation));
        expect(read.operations).toEqual(transformation.operations);
      }),
    );
  });

  const invalidNumber = fc.oneof(
    fc.double({ noInteger: true }),
    fc.integer({ max: -201 }),
    fc.integer({ min: 5001 }),
    fc.string().filter((text) => !/^\d{1,3}%$/.test(text)), // '50%' is a valid length
    fc.constantFrom(null, true, {}, [], Number.NaN, Number.POSITIVE_INFINITY),
  );
  const numericSteps: readonly ((value: never) => Step)[] = [
    (v) => (t) => t.preview(v, 10),
    (v) => (t) => t.resize(10, v),
    (v) => (t) => t.smartResize(v, 10),
    (v) => (t) => t.crop(v, 10),
    (v) => (t) => t.scaleCrop(10, v),
    (v) => (t) => t.zoomObjects(v),
    (v) => (t) => t.enhance(v),
    (v) => (t) => t.sharp(v),
    (v) => (t) => t.blur(v),
    (v) => (t) => t.blur(10, v),
    (v) => (t) => t.blurFaces(v),
    (v) => (t) => t.rotate(v),
    (v) => (t) => t.mainColors(v),
    (v) => (t) => t.borderRadius(v),
  ];

  it('any invalid argument is an InvalidTransformationError, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(validStep, { maxLength: 4 }), fc.constantFrom(...numericSteps), invalidNumber, (steps, step, value) => {
        const start = build(steps);
        expect(() => step(value as never)(start)).toThrowMatching((error) => error instanceof InvalidTransformationError);
      }),
    );
  });
});

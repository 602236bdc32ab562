import { defer } from 'rxjs';
import { convertVideo } from '../../convert/convert-video.js';
import type { VideoFormat, VideoQuality, VideoResizeMode, VideoTarget } from '../../convert/conversion-paths.js';
import { UsageError } from '../args/usage-error.js';
import type { OptionValues } from '../args/option-values.js';
import type { Command } from './command.js';
import { CONVERSION_CLI_OPTIONS, conversionCliOptions, reportConversion } from './conversion-report.js';

/** `ucare convert_video PATH...`: encodes videos and follows the jobs with a progress bar. */
export const convertVideoCommand: Command = {
  spec: {
    name: 'convert_video',
    summary: 'encode videos (mp4, webm, ogg) with thumbnails, with a progress bar',
    details: 'Prints "<output uuid>  <path>  thumbnails <group id>" per file once every job has ended; files not encoded are\nreported and the exit code is 1.',
    options: [
      { key: 'format', kind: 'string', valueName: 'FORMAT', description: 'mp4 (default), webm or ogg' },
      { key: 'size', kind: 'string', valueName: 'WxH', description: 'width and/or height, multiples of 4: 640x480, 640x, x480' },
      { key: 'resize_mode', kind: 'string', valueName: 'MODE', description: 'preserve_ratio, change_ratio, scale_crop or add_padding' },
      { key: 'quality', kind: 'string', valueName: 'Q', description: 'normal, better, best, lighter or lightest' },
      { key: 'cut', kind: 'string', valueName: 'START/LENGTH', description: 'a part: 0:0:5/15, or 0:1:00/end' },
      { key: 'thumbs', kind: 'integer', valueName: 'N', description: 'thumbnails to make, 1 to 50' },
      ...CONVERSION_CLI_OPTIONS,
    ],
    positionals: [{ name: 'PATH', arity: 'many', description: 'video UUIDs or CDN URLs' }],
    examples: ['convert_video --format webm --size 640x --thumbs 3 6c5e9526-b0fe-4739-8975-72e8d5ee6342'],
  },
  run: (context) =>
    defer(() => {
      const events = convertVideo(context.positionals, { ...videoTarget(context.options), ...conversionCliOptions(context) }, context.client({ secret: true }));
      return reportConversion(events, `${context.options.string('format') ?? 'mp4'} encoding`, context);
    }),
};

function videoTarget(options: OptionValues): VideoTarget {
  const format = options.string('format') as VideoFormat | undefined;
  const quality = options.string('quality') as VideoQuality | undefined;
  const thumbs = options.number('thumbs');
  const size = options.string('size');
  const resizeMode = options.string('resize_mode') as VideoResizeMode | undefined;
  const cut = options.string('cut');
  const dimensions = size === undefined ? undefined : /^(\d*)x(\d*)$/.exec(size);
  if (resizeMode !== undefined && size === undefined) throw new UsageError('--resize_mode needs --size', 'convert_video');
  if (size !== undefined && !dimensions) throw new UsageError(`--size takes WxH, 640x or x480, not ${size}`, 'convert_video');
  const [start, length, ...extra] = cut?.split('/') ?? [];
  if (cut !== undefined && (!start || !length || extra.length > 0)) throw new UsageError(`--cut takes START/LENGTH, not ${cut}`, 'convert_video');
  return {
    ...(format !== undefined && { format }),
    ...(quality !== undefined && { quality }),
    ...(thumbs !== undefined && { thumbs }),
    ...(dimensions && { size: { ...(dimensions[1] && { width: Number(dimensions[1]) }), ...(dimensions[2] && { height: Number(dimensions[2]) }), ...(resizeMode && { resizeMode }) } }),
    ...(start && length && { cut: { start, length } }),
  };
}

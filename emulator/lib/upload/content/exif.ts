/** What an image's EXIF block tells, as `image_info` shows it; each field absent when the block does not say. */
export interface ExifDetails {
  /** 1–8, the EXIF Orientation tag. */
  readonly orientation?: number;
  /** Horizontal and vertical dots per inch. */
  readonly dpi?: readonly [number, number];
  /** `DateTimeOriginal` as ISO 8601 without a zone (`2019-10-26T02:29:41`), as the real service writes it. */
  readonly datetimeOriginal?: string;
  readonly geoLocation?: { readonly latitude: number; readonly longitude: number };
}

const TAG = {
  orientation: 0x0112,
  xResolution: 0x011a,
  yResolution: 0x011b,
  resolutionUnit: 0x0128,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  dateTimeOriginal: 0x9003,
  gpsLatitudeRef: 1,
  gpsLatitude: 2,
  gpsLongitudeRef: 3,
  gpsLongitude: 4,
} as const;

/** The most entries read from one IFD: a corrupt count must not make the reader walk the whole file. */
const MAX_ENTRIES = 512;

/**
 * Reads an EXIF block (the body of a JPEG APP1 segment after `Exif\0\0`: a TIFF header and its IFDs). Returns what it
 * finds; anything malformed (offsets past the end, unknown byte order) ends the reading with what was found so far.
 */
export function readExif(tiff: Uint8Array): ExifDetails {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  if (tiff.length < 8) return {};
  const order = String.fromCharCode(tiff[0]!, tiff[1]!);
  if (order !== 'II' && order !== 'MM') return {};
  const little = order === 'II';
  const u16 = (at: number): number | undefined => (at + 2 <= tiff.length ? view.getUint16(at, little) : undefined);
  const u32 = (at: number): number | undefined => (at + 4 <= tiff.length ? view.getUint32(at, little) : undefined);
  const rational = (at: number): number | undefined => {
    const numerator = u32(at);
    const denominator = u32(at + 4);
    return numerator === undefined || !denominator ? undefined : numerator / denominator;
  };

  /** The IFD at `offset` as tag -> where its value is (inline, or at its offset) and its count. */
  const ifd = (offset: number | undefined): Map<number, { at: number; count: number; type: number }> => {
    const entries = new Map<number, { at: number; count: number; type: number }>();
    const count = offset === undefined ? undefined : u16(offset);
    if (offset === undefined || count === undefined) return entries;
    for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      if (tag === undefined || type === undefined || n === undefined) break;
      const size = ([0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8][type] ?? 1) * n;
      const at = size <= 4 ? entry + 8 : u32(entry + 8);
      if (at !== undefined) entries.set(tag, { at, count: n, type });
    }
    return entries;
  };
  const short = (entries: ReturnType<typeof ifd>, tag: number): number | undefined => {
    const entry = entries.get(tag);
    return entry === undefined ? undefined : u16(entry.at);
  };
  const ascii = (entries: ReturnType<typeof ifd>, tag: number): string | undefined => {
    const entry = entries.get(tag);
    if (entry === undefined || entry.at + entry.count > tiff.length) return undefined;
    return String.fromCharCode(...tiff.subarray(entry.at, entry.at + entry.count)).replace(/\0.*$/s, '');
  };

  const details: { -readonly [K in keyof ExifDetails]: ExifDetails[K] } = {};
  const first = ifd(u32(4));
  const orientation = short(first, TAG.orientation);
  if (orientation !== undefined && orientation >= 1 && orientation <= 8) details.orientation = orientation;
  const x = first.has(TAG.xResolution) ? rational(first.get(TAG.xResolution)!.at) : undefined;
  const y = first.has(TAG.yResolution) ? rational(first.get(TAG.yResolution)!.at) : undefined;
  if (x !== undefined && y !== undefined) {
    const perCentimetre = short(first, TAG.resolutionUnit) === 3;
    details.dpi = [Math.round(perCentimetre ? x * 2.54 : x), Math.round(perCentimetre ? y * 2.54 : y)];
  }
  const exif = first.get(TAG.exifIfd);
  const taken = exif === undefined ? undefined : ascii(ifd(u32(exif.at)), TAG.dateTimeOriginal);
  const date = taken === undefined ? null : /^(\d{4}):(\d{2}):(\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(taken.trim());
  if (date) details.datetimeOriginal = `${date[1]}-${date[2]}-${date[3]}T${date[4]}`;
  const gpsEntry = first.get(TAG.gpsIfd);
  if (gpsEntry !== undefined) {
    const gps = ifd(u32(gpsEntry.at));
    const degrees = (tag: number): number | undefined => {
      const entry = gps.get(tag);
      if (entry === undefined || entry.count !== 3) return undefined;
      const [d, m, s] = [rational(entry.at), rational(entry.at + 8), rational(entry.at + 16)];
      return d === undefined || m === undefined || s === undefined ? undefined : d + m / 60 + s / 3600;
    };
    const latitude = degrees(TAG.gpsLatitude);
    const longitude = degrees(TAG.gpsLongitude);
    if (latitude !== undefined && longitude !== undefined) {
      details.geoLocation = {
        latitude: ascii(gps, TAG.gpsLatitudeRef) === 'S' ? -latitude : latitude,
        longitude: ascii(gps, TAG.gpsLongitudeRef) === 'W' ? -longitude : longitude,
      };
    }
  }
  return details;
}

/** The EXIF-derived fields of `image_info`, null where the image does not tell (REST and Upload API alike). */
export function exifJson(details: ExifDetails): {
  orientation: number | null;
  geo_location: { latitude: number; longitude: number } | null;
  datetime_original: string | null;
  dpi: [number, number] | null;
} {
  return {
    orientation: details.orientation ?? null,
    geo_location: details.geoLocation ? { ...details.geoLocation } : null,
    datetime_original: details.datetimeOriginal ?? null,
    dpi: details.dpi ? [details.dpi[0], details.dpi[1]] : null,
  };
}

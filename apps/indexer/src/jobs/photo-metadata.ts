import exifr from 'exifr';

/** EXIF facts stored per photo. Dates stay as written (EXIF has no time zone); `takenAt` is best effort. */
export interface PhotoMetadata {
  takenAtRaw: string | null;
  takenAt: string | null;
  gpsLat: number | null;
  gpsLon: number | null;
  cameraMake: string | null;
  cameraModel: string | null;
  orientation: number | null;
}

const EMPTY: PhotoMetadata = {
  takenAtRaw: null,
  takenAt: null,
  gpsLat: null,
  gpsLon: null,
  cameraMake: null,
  cameraModel: null,
  orientation: null,
};

const PICK = [
  'DateTimeOriginal',
  'CreateDate',
  'DateTime',
  'Make',
  'Model',
  'Orientation',
  'GPSLatitude',
  'GPSLatitudeRef',
  'GPSLongitude',
  'GPSLongitudeRef',
];

/**
 * "2009:07:04 13:45:10" (EXIF) → "2009-07-04T13:45:10" (local time, no zone), or null when it is not a
 * plausible date (zeros, blanks and garbage are common in old cameras).
 */
export function exifDateToIso(raw: string): string | null {
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  if (y < 1800 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\0+$/, '').trim();
  return trimmed.length > 0 ? trimmed : null;
}

function degrees(value: unknown, ref: unknown): number | null {
  if (!Array.isArray(value) || value.length < 3) return null;
  const [d, m, s] = value.map(Number) as [number, number, number];
  if (![d, m, s].every(Number.isFinite)) return null;
  const sign = ref === 'S' || ref === 'W' ? -1 : 1;
  const result = sign * (d + m / 60 + s / 3600);
  return Math.abs(result) <= 180 ? result : null;
}

/** Reads EXIF from a photo file; a photo without (or with broken) EXIF gives all nulls, never an error. */
export async function readPhotoMetadata(path: string): Promise<PhotoMetadata> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(path, {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      reviveValues: false,
      translateValues: false,
      pick: PICK,
    });
  } catch {
    return EMPTY;
  }
  if (!tags) return EMPTY;
  const takenAtRaw = text(tags.DateTimeOriginal) ?? text(tags.CreateDate) ?? text(tags.DateTime);
  const lat = degrees(tags.GPSLatitude, tags.GPSLatitudeRef);
  const lon = degrees(tags.GPSLongitude, tags.GPSLongitudeRef);
  const orientation = Number(tags.Orientation);
  return {
    takenAtRaw,
    takenAt: takenAtRaw ? exifDateToIso(takenAtRaw) : null,
    gpsLat: lat !== null && lon !== null && Math.abs(lat) <= 90 ? lat : null,
    gpsLon: lat !== null && lon !== null && Math.abs(lat) <= 90 ? lon : null,
    cameraMake: text(tags.Make),
    cameraModel: text(tags.Model),
    orientation: Number.isInteger(orientation) && orientation >= 1 && orientation <= 8 ? orientation : null,
  };
}

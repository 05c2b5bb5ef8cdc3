import { closeSync, openSync, readSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import exifr from 'exifr';
import { iou } from '../jobs/face-matching.js';
import type { Box } from '../picasa/types.js';
import { measuredOnDisplayed, storedToUpright } from './grid.js';
import { jpegStoredSize } from './jpeg.js';
import { parseXmp } from './rdf.js';
import { facesOfXmp } from './regions.js';

/** A face region on the upright image, and where it was read. */
export interface UprightRegion {
  box: Box;
  name: string | null;
  convention: 'mwg' | 'mp';
  /** The image path (embedded XMP) or the sidecar path. */
  from: string;
}

export interface PhotoXmp {
  /** EXIF Orientation of the image file (null: none). */
  orientation: number | null;
  /** Distinct regions across the sources (sidecars first), boxes on the upright image. */
  regions: UprightRegion[];
  personInImage: string[];
  /** Regions that could not be used, with the file that held them. */
  warnings: string[];
}

/** Two regions this similar (IoU) in different sources or conventions are one face. */
export const SAME_REGION_IOU = 0.5;

/** The image's embedded XMP text and EXIF orientation; a file that is no image format exifr knows has none. */
export async function embeddedXmp(path: string): Promise<{ xmp: string | null; orientation: number | null }> {
  let out: { xmp?: unknown; ifd0?: { Orientation?: unknown } } | undefined;
  try {
    out = await exifr.parse(path, {
      tiff: false,
      ifd0: { pick: ['Orientation'] },
      xmp: { parse: false },
      translateValues: false,
      mergeOutput: false,
      silentErrors: true,
    } as never);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/unknown file format|invalid input|not an? /i.test(message)) return { xmp: null, orientation: null };
    // exifr's own TypeError/RangeError means the file's structure is damaged (empty, truncated): the photo's failure
    // is reported once, by the step that decodes it; there is no XMP to read here.
    if (error instanceof TypeError || error instanceof RangeError) return { xmp: null, orientation: null };
    throw new Error(`cannot read: ${message}`);
  }
  const o = Number(out?.ifd0?.Orientation);
  // exifr leaves a PNG iTXt chunk's header ("XML:com.adobe.xmp" and its NUL fields) before the packet.
  const xmp = typeof out?.xmp === 'string' ? out.xmp.slice(Math.max(0, out.xmp.indexOf('<'))) : null;
  return {
    xmp,
    orientation: Number.isInteger(o) && o >= 1 && o <= 8 ? o : null,
  };
}

/** A file this small is read whole to look for an XMP packet before asking exifr (most have none). */
const WHOLE_READ_BYTES = 64 * 1024;
/** Text every XMP packet holds, as UTF-8 and as UTF-16 (either byte order contains the little-endian form). */
const XMP_MARKERS = ['xmpmeta', 'xapmeta'].flatMap((m) => [Buffer.from(m), Buffer.from(m, 'utf16le')]);

/**
 * False when the file is small enough to read whole and holds no XMP packet; true otherwise. Read
 * synchronously: for a few kilobytes, the promise machinery of fs/promises cost more than the read.
 */
export function mayHoldXmp(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(WHOLE_READ_BYTES + 1);
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    if (bytesRead > WHOLE_READ_BYTES) return true;
    const whole = buffer.subarray(0, bytesRead);
    return XMP_MARKERS.some((marker) => whole.includes(marker));
  } finally {
    closeSync(fd);
  }
}

/** `mayHoldXmp`, true when the file cannot be read (exifr then reports why). */
function mayHoldXmpOrUnknown(path: string): boolean {
  try {
    return mayHoldXmp(path);
  } catch {
    return true;
  }
}

/** The stored pixel size of a JPEG, from the head of the file (other formats: null). */
export async function storedSize(path: string): Promise<{ width: number; height: number } | null> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(1024 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return jpegStoredSize(head.subarray(0, bytesRead));
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * Reads the face regions of one image: its embedded XMP and its sidecars (`photo.jpg.xmp`, `photo.xmp`,
 * given in that order of precedence). Regions are mapped to the upright image (grid.ts). A region that
 * overlaps one already taken from a source of higher precedence is the same face and is dropped.
 * Throws when a source cannot be read or is not well-formed XMP: the caller keeps what it had.
 */
export async function readPhotoXmp(imagePath: string, sidecarPaths: readonly string[]): Promise<PhotoXmp> {
  if (sidecarPaths.length === 0 && !mayHoldXmpOrUnknown(imagePath)) {
    return { orientation: null, regions: [], personInImage: [], warnings: [] };
  }
  const own = await embeddedXmp(imagePath);
  const sources: { from: string; text: string }[] = [];
  for (const path of sidecarPaths) {
    try {
      sources.push({ from: path, text: await readFile(path, 'utf8') });
    } catch (error) {
      throw new Error(`cannot read sidecar ${path}: ${(error as Error).message}`);
    }
  }
  if (own.xmp) sources.push({ from: imagePath, text: own.xmp });
  const out: PhotoXmp = { orientation: own.orientation, regions: [], personInImage: [], warnings: [] };
  let stored: { width: number; height: number } | null | undefined;
  for (const source of sources) {
    let faces: ReturnType<typeof facesOfXmp>;
    try {
      faces = facesOfXmp(parseXmp(source.text));
    } catch (error) {
      throw new Error(`${source.from}: ${(error as Error).message}`);
    }
    out.warnings.push(...faces.warnings.map((w) => `${source.from}: ${w}`));
    for (const name of faces.personInImage)
      if (!out.personInImage.includes(name)) out.personInImage.push(name);
    if (faces.regions.length === 0) continue;
    if (faces.appliedTo && stored === undefined) stored = await storedSize(imagePath);
    const displayed = measuredOnDisplayed(faces.appliedTo, stored ?? null, own.orientation);
    for (const region of faces.regions) {
      const box = displayed ? region.box : storedToUpright(region.box, own.orientation);
      const same = out.regions.find((r) => iou(r.box, box) >= SAME_REGION_IOU);
      if (same) {
        same.name ??= region.name;
        continue;
      }
      out.regions.push({ box, name: region.name, convention: region.convention, from: source.from });
    }
  }
  return out;
}

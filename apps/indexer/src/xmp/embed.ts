import { readFile } from 'node:fs/promises';
import {
  isJpeg,
  isMainXmp,
  JpegError,
  jpegSegments,
  jpegStoredSize,
  jpegWithXmp,
  jpegXmpPacket,
  paddingFor,
} from './jpeg.js';
import { mergeRegions, type RegionsUpdate, wrapPacket } from './merge.js';
import { parseXmp } from './rdf.js';
import { facesOfXmp } from './regions.js';
import type { StoredFace } from './serialize.js';
import { replaceFileAtomically } from './write-file.js';

/** The rewritten file did not pass a check; the original was left as it was. */
export class EmbedCheckError extends Error {
  override name = 'EmbedCheckError';
}

/** Every segment but the main XMP packet, and the image data: what an XMP edit must leave byte-identical. */
function untouchedParts(bytes: Buffer): Buffer[] {
  const { segments, scanStart } = jpegSegments(bytes);
  const parts = segments.filter((s) => !isMainXmp(bytes, s)).map((s) => bytes.subarray(s.start, s.end));
  parts.push(bytes.subarray(scanStart));
  return parts;
}

const sameParts = (a: Buffer[], b: Buffer[]) =>
  a.length === b.length && a.every((part, i) => part.equals(b[i] as Buffer));

/** The MWG faces of a packet as written (stored grid), to compare with what was meant. */
function facesWritten(bytes: Buffer): StoredFace[] {
  const packet = jpegXmpPacket(bytes);
  if (packet === null) return [];
  return facesOfXmp(parseXmp(packet))
    .regions.filter((r) => r.convention === 'mwg')
    .map((r) => ({ box: r.box, name: r.name ?? '' }));
}

const close = (a: number, b: number) => Math.abs(a - b) < 2e-6;
const sameFace = (a: StoredFace, b: StoredFace) =>
  a.name === b.name &&
  close(a.box.x, b.box.x) &&
  close(a.box.y, b.box.y) &&
  close(a.box.w, b.box.w) &&
  close(a.box.h, b.box.h);

/**
 * Checks a rewritten JPEG before it replaces the original: everything but the XMP packet byte-identical
 * (EXIF, ICC, IPTC, thumbnails, image data), it decodes to the same pixels and orientation, and its
 * regions read back as the faces meant.
 */
async function check(before: Buffer, after: Buffer, meant: StoredFace[]): Promise<void> {
  if (!sameParts(untouchedParts(before), untouchedParts(after))) {
    throw new EmbedCheckError('a segment other than XMP changed');
  }
  const { loadImage } = await import('@kindred/vision');
  const [a, b] = await Promise.all([loadImage(before), loadImage(after)]);
  if (a.width !== b.width || a.height !== b.height || a.orientation !== b.orientation) {
    throw new EmbedCheckError('the rewritten photo decodes with another size or orientation');
  }
  if (!Buffer.from(a.pixels).equals(Buffer.from(b.pixels))) {
    throw new EmbedCheckError('the rewritten photo decodes to other pixels');
  }
  const read = facesWritten(after);
  if (read.length !== meant.length || !meant.every((face) => read.some((r) => sameFace(r, face)))) {
    throw new EmbedCheckError('the regions written do not read back as the faces meant');
  }
}

export interface EmbedOutcome {
  changed: boolean;
  bytes: Buffer;
}

/**
 * Writes the faces into a JPEG's own XMP (see mergeRegions), checked, then atomically in place of the
 * original. With `dryRun` everything but the final replacement happens. Throws JpegError for files that
 * are not JPEG or whose XMP would not fit, EmbedCheckError when the result fails a check.
 */
export async function embedRegions(
  path: string,
  update: Omit<RegionsUpdate, 'stored'>,
  dryRun: boolean,
): Promise<EmbedOutcome> {
  const before = await readFile(path);
  if (!isJpeg(before))
    throw new JpegError('only JPEG files can hold the regions (use --sidecar for this one)');
  const xmpmeta = mergeRegions(jpegXmpPacket(before), { ...update, stored: jpegStoredSize(before) });
  const length = Buffer.byteLength(xmpmeta);
  const after = jpegWithXmp(before, wrapPacket(xmpmeta, paddingFor(length + 100)));
  if (after.equals(before)) return { changed: false, bytes: before };
  await check(before, after, update.faces);
  if (!dryRun) {
    await replaceFileAtomically(path, after, async (temp) => {
      // What reached the disk is what was checked.
      if (!(await readFile(temp)).equals(after)) throw new EmbedCheckError('the file written differs');
    });
  }
  return { changed: true, bytes: after };
}

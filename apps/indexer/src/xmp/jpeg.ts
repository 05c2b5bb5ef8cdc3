/** A JPEG's structure could not be read, or an XMP packet does not fit in one APP1 segment. */
export class JpegError extends Error {
  override name = 'JpegError';
}

/** One marker segment before the image data: `start` is its 0xFF, `end` the byte after its payload. */
export interface JpegSegment {
  marker: number;
  start: number;
  end: number;
}

/** The signature that opens the main XMP packet's APP1 payload. */
export const XMP_SIGNATURE = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
/** An APP1 payload is at most 65533 bytes (its length field counts itself). */
const MAX_PAYLOAD = 0xffff - 2;
const APP0 = 0xe0;
const APP1 = 0xe1;
const SOS = 0xda;
const EOI = 0xd9;

export const isJpeg = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8;

/**
 * The marker segments from SOI up to the first scan (SOS). With `partial`, a buffer that ends early (the
 * head of a file) gives the segments it holds; otherwise a truncated structure is an error.
 */
export function jpegSegments(bytes: Buffer, partial = false): { segments: JpegSegment[]; scanStart: number } {
  if (!isJpeg(bytes)) throw new JpegError('not a JPEG (no SOI marker)');
  const segments: JpegSegment[] = [];
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) throw new JpegError(`expected a marker at byte ${pos}`);
    const start = pos;
    while (bytes[pos] === 0xff && pos < bytes.length) pos++; // fill bytes
    const marker = bytes[pos] as number;
    pos++;
    if (marker === SOS) return { segments, scanStart: start };
    if (marker === EOI) throw new JpegError('image ends before its data (EOI before SOS)');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (pos + 2 > bytes.length) break;
    const end = pos + bytes.readUInt16BE(pos);
    if (end > bytes.length) break;
    segments.push({ marker, start, end });
    pos = end;
  }
  if (partial) return { segments, scanStart: -1 };
  throw new JpegError('truncated JPEG (no image data after the headers)');
}

const payloadStart = (s: JpegSegment) => s.start + 4;
/** True for the APP1 segment holding the main XMP packet. */
export const isMainXmp = (bytes: Buffer, s: JpegSegment) =>
  s.marker === APP1 &&
  bytes.subarray(payloadStart(s), payloadStart(s) + XMP_SIGNATURE.length).equals(XMP_SIGNATURE);

/** The main XMP packet of a JPEG (the head of the file is enough), or null when it has none. */
export function jpegXmpPacket(bytes: Buffer): string | null {
  const { segments } = jpegSegments(bytes, true);
  const xmp = segments.find((s) => isMainXmp(bytes, s));
  return xmp ? bytes.subarray(payloadStart(xmp) + XMP_SIGNATURE.length, xmp.end).toString('utf8') : null;
}

/** Pixel size of the stored image from the frame header (SOFn), or null when not in these bytes. */
export function jpegStoredSize(bytes: Buffer): { width: number; height: number } | null {
  const { segments } = jpegSegments(bytes, true);
  const sof = segments.find(
    (s) => s.marker >= 0xc0 && s.marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(s.marker),
  );
  if (!sof || sof.end - sof.start < 9) return null;
  return { height: bytes.readUInt16BE(sof.start + 5), width: bytes.readUInt16BE(sof.start + 7) };
}

/**
 * The JPEG with `packet` as its main XMP: the existing XMP segment is replaced, or a new one goes after
 * the leading APP0/APP1 (JFIF, EXIF) segments. Every other byte is copied unchanged, image data included.
 */
export function jpegWithXmp(bytes: Buffer, packet: string): Buffer {
  const { segments } = jpegSegments(bytes);
  const body = Buffer.from(packet, 'utf8');
  const payload = XMP_SIGNATURE.length + body.length;
  if (payload > MAX_PAYLOAD) {
    throw new JpegError(`the XMP packet (${body.length} bytes) does not fit in one JPEG segment`);
  }
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xff00 | APP1, 0);
  header.writeUInt16BE(payload + 2, 2);
  const segment = Buffer.concat([header, XMP_SIGNATURE, body]);
  const existing = segments.find((s) => isMainXmp(bytes, s));
  if (existing) {
    return Buffer.concat([bytes.subarray(0, existing.start), segment, bytes.subarray(existing.end)]);
  }
  let at = 2;
  for (const s of segments) {
    if (s.marker !== APP0 && s.marker !== APP1) break;
    at = s.end;
  }
  return Buffer.concat([bytes.subarray(0, at), segment, bytes.subarray(at)]);
}

/** The most padding that still fits a packet of `bytes` bytes in one segment (XMP recommends ~2 KB). */
export function paddingFor(bytes: number): number {
  return Math.max(0, Math.min(2048, MAX_PAYLOAD - XMP_SIGNATURE.length - bytes - 64));
}

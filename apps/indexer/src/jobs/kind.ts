import { extname } from 'node:path';

export type ContentKind = 'image' | 'video' | 'other';

/** Bytes of a file's start that `detectKind` looks at. */
export const KIND_HEAD_BYTES = 32;

const IMAGE_EXTENSIONS = new Set([
  '.jpg',
  '.jpeg',
  '.jpe',
  '.png',
  '.gif',
  '.webp',
  '.bmp',
  '.tif',
  '.tiff',
  '.heic',
  '.heif',
  '.avif',
  '.jxl',
  '.dng',
  '.cr2',
  '.cr3',
  '.nef',
  '.arw',
  '.orf',
  '.rw2',
  '.raf',
  '.pef',
  '.srw',
  '.psd',
]);
const VIDEO_EXTENSIONS = new Set([
  '.mp4',
  '.m4v',
  '.mov',
  '.avi',
  '.mkv',
  '.webm',
  '.mts',
  '.m2ts',
  '.3gp',
  '.3g2',
  '.mpg',
  '.mpeg',
  '.wmv',
  '.flv',
]);

/** ISO-BMFF brands (bytes 8..12 after `ftyp`) that are still images rather than videos. */
const IMAGE_BRANDS = new Set([
  'heic',
  'heix',
  'hevc',
  'hevx',
  'heim',
  'heis',
  'mif1',
  'msf1',
  'avif',
  'avis',
  'crx ',
]);

function startsWith(head: Uint8Array, bytes: number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((byte, i) => head[offset + i] === byte);
}

/** The bytes start..end as text, one character per byte (a plain loop: spreading the bytes cost ~2 µs a file). */
function ascii(head: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < Math.min(end, head.length); i++) text += String.fromCharCode(head[i] as number);
  return text;
}

function kindFromMagic(head: Uint8Array): ContentKind | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image'; // JPEG
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47])) return 'image'; // PNG
  if (ascii(head, 0, 4) === 'GIF8') return 'image';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image'; // TIFF, most raw formats
  if (startsWith(head, [0x42, 0x4d]) && head.length >= 14) return 'image'; // BMP
  if (ascii(head, 0, 4) === '8BPS') return 'image'; // PSD
  if (startsWith(head, [0xff, 0x0a]) || startsWith(head, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20]))
    return 'image'; // JPEG XL
  if (ascii(head, 0, 4) === 'RIFF') {
    const form = ascii(head, 8, 12);
    if (form === 'WEBP') return 'image';
    if (form === 'AVI ') return 'video';
  }
  if (ascii(head, 4, 8) === 'ftyp') return IMAGE_BRANDS.has(ascii(head, 8, 12)) ? 'image' : 'video'; // ISO-BMFF: MP4/MOV/HEIC
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video'; // Matroska / WebM
  if (startsWith(head, [0x00, 0x00, 0x01, 0xba]) || startsWith(head, [0x00, 0x00, 0x01, 0xb3]))
    return 'video'; // MPEG-PS
  if (startsWith(head, [0x30, 0x26, 0xb2, 0x75])) return 'video'; // ASF / WMV
  return null;
}

/**
 * Image, video or other: by the file's first bytes (magic numbers) when they are recognised, else by the
 * file name's extension (for formats without a reliable signature, such as MPEG transport streams).
 */
export function detectKind(head: Uint8Array, path: string): ContentKind {
  const byMagic = kindFromMagic(head);
  if (byMagic) return byMagic;
  const extension = extname(path).toLowerCase();
  if (IMAGE_EXTENSIONS.has(extension)) return 'image';
  if (VIDEO_EXTENSIONS.has(extension)) return 'video';
  return 'other';
}

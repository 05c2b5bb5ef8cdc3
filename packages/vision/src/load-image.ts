import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import sharp from 'sharp';
import { ImageError, type LoadedImage, type LoadImageOptions } from './types.js';

export const DEFAULT_MAX_SIDE = 1024;
export const DEFAULT_MAX_PIXELS = 100_000_000;
/** Images with a side shorter than this cannot hold a usable face. */
export const MIN_SIDE = 16;
const DECODE_TIMEOUT_S = 60;
const RAW_EXTENSIONS = new Set([
  '.cr2',
  '.cr3',
  '.nef',
  '.nrw',
  '.arw',
  '.dng',
  '.raf',
  '.orf',
  '.rw2',
  '.pef',
  '.srw',
]);

let sharpConfigured = false;

async function readInput(input: string | Buffer): Promise<Buffer> {
  if (typeof input !== 'string') return input;
  if (RAW_EXTENSIONS.has(extname(input).toLowerCase())) {
    throw new ImageError(
      'unsupported',
      `${input}: camera RAW files are not supported (use the JPEG beside it)`,
    );
  }
  try {
    return await readFile(input);
  } catch (error) {
    throw new ImageError('unreadable', `${input}: cannot read file (${(error as Error).message})`);
  }
}

/** HEIC/HEIF (HEVC) needs a codec that the bundled libvips lacks; AVIF (same container) decodes. */
function isHeic(bytes: Buffer): boolean {
  if (bytes.length < 12 || bytes.toString('latin1', 4, 8) !== 'ftyp') return false;
  return ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(
    bytes.toString('latin1', 8, 12),
  );
}

function classify(label: string, bytes: Buffer, error: unknown): ImageError {
  const message = (error as Error).message ?? String(error);
  if (/pixel limit/i.test(message)) return new ImageError('too-large', `${label}: ${message}`);
  if (isHeic(bytes))
    return new ImageError('unsupported', `${label}: HEIC/HEIF is not supported by this build`);
  if (/unsupported image format/i.test(message)) {
    return new ImageError('unreadable', `${label}: not an image (unknown file signature)`);
  }
  if (/timeout/i.test(message)) return new ImageError('timeout', `${label}: decoding took too long`);
  return new ImageError('corrupt', `${label}: damaged or truncated image (${message.split('\n')[0]})`);
}

/**
 * Decodes a photo to upright 8-bit RGB, downscaled so its longest side is at most `maxSide`.
 * EXIF orientation is applied; alpha is flattened onto white; grayscale, CMYK, 16-bit, palette images and the
 * first frame of animated GIF/WebP all come out as RGB. Throws `ImageError` with a code for bad input.
 */
export async function loadImage(input: string | Buffer, opts: LoadImageOptions = {}): Promise<LoadedImage> {
  const maxSide = opts.maxSide ?? DEFAULT_MAX_SIDE;
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  const label = typeof input === 'string' ? input : 'image buffer';
  if (!sharpConfigured) {
    sharp.cache(false);
    sharpConfigured = true;
  }
  const bytes = await readInput(input);
  if (bytes.length === 0) throw new ImageError('empty', `${label}: file is empty (0 bytes)`);
  const options = { limitInputPixels: maxPixels, failOn: 'truncated' as const };
  const meta = await sharp(bytes, options)
    .metadata()
    .catch((error: unknown) => {
      throw classify(label, bytes, error);
    });
  const stored = { width: meta.width ?? 0, height: meta.height ?? 0 };
  if (stored.width * stored.height > maxPixels) {
    throw new ImageError(
      'too-large',
      `${label}: ${stored.width}×${stored.height} exceeds ${maxPixels} pixels`,
    );
  }
  if (Math.min(stored.width, stored.height) < MIN_SIDE) {
    throw new ImageError(
      'too-small',
      `${label}: ${stored.width}×${stored.height} is too small to hold a face`,
    );
  }
  const orientation = meta.orientation ?? 1;
  const swap = orientation >= 5;
  try {
    const { data, info } = await sharp(bytes, options)
      .timeout({ seconds: DECODE_TIMEOUT_S })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded to ${info.channels} channels`);
    return {
      width: swap ? stored.height : stored.width,
      height: swap ? stored.width : stored.height,
      scaledWidth: info.width,
      scaledHeight: info.height,
      pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      orientation,
    };
  } catch (error) {
    throw classify(label, bytes, error);
  }
}

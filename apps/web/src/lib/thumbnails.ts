import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { thumbnailCacheDir } from '@/lib/db';
import type { FaceSize, PhotoSize } from '@/lib/image-sizes';
import type { IndexedFace, IndexedPhoto } from '@/lib/indexed-content';

/** Small sizes use lower quality so a grid thumbnail stays well under 30 KB. */
function webpQuality(size: number): number {
  return size <= 320 ? 62 : size <= 640 ? 72 : 80;
}

const pending = new Map<string, Promise<Buffer>>();

/** Reads `name` from the disk cache, or makes it once (concurrent requests share the work) and stores it. */
async function cached(name: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const path = join(thumbnailCacheDir(), name.slice(0, 2), name);
  try {
    return await readFile(path);
  } catch {
    // not cached yet
  }
  const running = pending.get(name);
  if (running) return running;
  const work = (async () => {
    const data = await make();
    await mkdir(join(thumbnailCacheDir(), name.slice(0, 2)), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, data);
    await rename(temp, path);
    return data;
  })().finally(() => pending.delete(name));
  pending.set(name, work);
  return work;
}

/** A WebP thumbnail of the upright photo, longest side `size` (never enlarged). */
export function photoThumbnail(photo: IndexedPhoto, size: PhotoSize): Promise<Buffer> {
  return cached(`${photo.hash}-${size}.webp`, () =>
    sharp(photo.path, { failOn: 'none' })
      .rotate()
      .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: webpQuality(size), effort: 4 })
      .toBuffer(),
  );
}

/** The padded square around a normalized face box, in pixels of an upright image of `width`×`height`. */
export function paddedSquare(box: IndexedFace['box'], width: number, height: number) {
  const side = Math.min(Math.max(box.w * width, box.h * height) * 1.5, width, height);
  const cx = (box.x + box.w / 2) * width;
  const cy = (box.y + box.h / 2) * height;
  const left = Math.round(Math.min(Math.max(cx - side / 2, 0), width - side));
  const top = Math.round(Math.min(Math.max(cy - side / 2, 0), height - side));
  const s = Math.max(1, Math.floor(side));
  return { left, top, width: Math.min(s, width - left), height: Math.min(s, height - top) };
}

/** A square WebP crop around a face, padded so the whole head shows. */
export function faceCrop(face: IndexedFace, size: FaceSize): Promise<Buffer> {
  const b = face.box;
  const key = [b.x, b.y, b.w, b.h].map((v) => Math.round(v * 1e4)).join('_');
  return cached(`${face.photo.hash}-face-${face.id}-${key}-${size}.webp`, async () => {
    const upright = await sharp(face.photo.path, { failOn: 'none' })
      .rotate()
      .toBuffer({ resolveWithObject: true });
    const region = paddedSquare(face.box, upright.info.width, upright.info.height);
    return sharp(upright.data)
      .extract(region)
      .resize({ width: size, height: size, fit: 'cover' })
      .webp({ quality: 75 })
      .toBuffer();
  });
}

/** The original bytes when already upright, else a rotated JPEG; with its content type. */
export async function uprightOriginal(photo: IndexedPhoto): Promise<{ data: Buffer; type: string }> {
  const data = await readFile(photo.path);
  const meta = await sharp(data, { failOn: 'none' }).metadata();
  if (!meta.orientation || meta.orientation === 1) {
    return { data, type: `image/${meta.format === 'jpeg' ? 'jpeg' : (meta.format ?? 'octet-stream')}` };
  }
  return {
    data: await sharp(data, { failOn: 'none' }).rotate().jpeg({ quality: 92 }).toBuffer(),
    type: 'image/jpeg',
  };
}

/** Image URLs served by the web app. The schema only builds these strings; the routes live in apps/web. */
export const PHOTO_THUMBNAIL_SIZES = [160, 320, 640, 1280] as const;
export const FACE_CROP_SIZES = [96, 192] as const;

/** Thrown for an image size the web app does not render. */
export class ImageSizeError extends Error {
  override name = 'ImageSizeError';
}

function checkedSize(size: number, allowed: readonly number[], what: string): number {
  if (!allowed.includes(size))
    throw new ImageSizeError(`${what} size must be one of ${allowed.join(', ')} (got ${size})`);
  return size;
}

export function photoThumbnailUrl(hash: string, size: number): string {
  return `/img/photo/${hash}/${checkedSize(size, PHOTO_THUMBNAIL_SIZES, 'thumbnail')}.webp`;
}

export function photoOriginalUrl(hash: string): string {
  return `/img/photo/${hash}/original`;
}

export function faceCropUrl(faceId: number, size: number): string {
  return `/img/face/${faceId}/${checkedSize(size, FACE_CROP_SIZES, 'face crop')}.webp`;
}

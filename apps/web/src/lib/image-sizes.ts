/** Widths (px, longest side) of photo thumbnails the image route makes; every URL the API emits uses one. */
export const PHOTO_SIZES = [160, 320, 640, 1280] as const;
/** Side (px) of square face crops. */
export const FACE_SIZES = [96, 192] as const;

export type PhotoSize = (typeof PHOTO_SIZES)[number];
export type FaceSize = (typeof FACE_SIZES)[number];

/** Parses `<size>.webp` into an allowed size, or null. */
export function parseSizeFile<T extends number>(file: string, allowed: readonly T[]): T | null {
  const match = /^(\d{2,4})\.webp$/.exec(file);
  if (!match) return null;
  const size = Number(match[1]) as T;
  return allowed.includes(size) ? size : null;
}

export function photoUrl(hash: string, size: PhotoSize): string {
  return `/img/photo/${hash}/${size}.webp`;
}

export function originalUrl(hash: string): string {
  return `/img/photo/${hash}/original`;
}

export function faceUrl(faceId: number | string, size: FaceSize): string {
  return `/img/face/${faceId}/${size}.webp`;
}

/** `srcset` for a photo thumbnail across all sizes. */
export function photoSrcSet(hash: string): string {
  return PHOTO_SIZES.map((size) => `${photoUrl(hash, size)} ${size}w`).join(', ');
}

export function faceSrcSet(faceId: number | string): string {
  return `${faceUrl(faceId, 96)} 1x, ${faceUrl(faceId, 192)} 2x`;
}

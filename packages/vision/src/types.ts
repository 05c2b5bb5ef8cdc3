/**
 * Coordinates, once for the whole package: every box and point is NORMALIZED to the UPRIGHT image
 * (EXIF orientation applied), origin at the top-left, x to the right, y down, values in [0, 1]:
 * `{ x, y, w, h }` where (x, y) is the top-left corner.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Which tfjs backend runs the models. */
export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

export type DetectorName = 'ssd' | 'tiny' | 'auto';

/** A decoded, upright RGB image ready for the models. */
export interface LoadedImage {
  /** Upright width/height of the original image (before any `maxSide` downscale). */
  width: number;
  height: number;
  /** Size of `pixels` (after `maxSide` downscale). */
  scaledWidth: number;
  scaledHeight: number;
  /** RGB, 3 bytes per pixel, row-major, scaledWidth × scaledHeight. */
  pixels: Uint8Array;
  /** EXIF orientation tag of the file (1 when absent). */
  orientation: number;
}

export interface LoadImageOptions {
  /** Longest side after downscale (never upscales). Default 1024. */
  maxSide?: number;
  /** Refuse images with more pixels than this (decompression bombs). Default 100 megapixels. */
  maxPixels?: number;
}

export interface DetectOptions {
  detector?: DetectorName;
  /** Minimum detector score, 0–1. */
  minScore?: number;
}

export interface DetectedFace {
  box: Box;
  score: number;
}

export interface DescribedFace {
  box: Box;
  /** 68 points, normalized like the box. */
  landmarks: Point[];
  /** 128-D descriptor (dlib ResNet via face-api). */
  descriptor: Float32Array;
}

export interface PhotoFaces {
  width: number;
  height: number;
  orientation: number;
  faces: Array<DetectedFace & DescribedFace>;
  /** Identifies models + detector + settings; changes when stored faces must be recomputed. */
  pipeline: string;
  backend: BackendName;
}

/** Error kinds for a single image; never crashes a pool. */
export type ImageErrorCode =
  | 'unreadable'
  | 'empty'
  | 'corrupt'
  | 'unsupported'
  | 'too-large'
  | 'too-small'
  | 'timeout'
  | 'worker-crashed'
  /** Unexpected failure inside the models (a bug, not the photo's fault). */
  | 'failed';

export class ImageError extends Error {
  override name = 'ImageError';
  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

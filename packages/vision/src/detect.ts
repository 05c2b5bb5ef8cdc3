import { type FaceApi, faceApi } from './backend.js';
import type { Box, DetectedFace, DetectOptions, DetectorName, LoadedImage } from './types.js';

export const DEFAULT_DETECTOR: DetectorName = 'auto';
export const DEFAULT_MIN_SCORE = 0.5;
/** Tiny detector input size (multiple of 32). 416 is its sweet spot on photos scaled to ≤1024 px. */
export const TINY_INPUT_SIZE = 416;
/** Borders tried, in order, when nothing is found: added on each side, as a fraction of the longer side. */
export const PAD_FRACTIONS = [0.25, 0.75] as const;
/** The last-resort tiny pass accepts scores this much below `minScore` (measured: recovers tight crops). */
export const TINY_RETRY_SCORE_DROP = 0.1;
/** A face narrower than this fraction of the long side is small: ssd (input 512 px) misses its neighbours. */
export const SMALL_FACE = 0.05;
/** Each of the two overlapping tiles of the closer look spans this fraction of the long side. */
export const TILE_FRACTION = 0.6;
/** Two boxes covering this much of the smaller one are the same face. */
const SAME_FACE_OVERLAP = 0.5;
const PAD_GREY = 128;

type Tensor3D = ReturnType<FaceApi['tf']['tensor3d']>;

/** The image as an int32 HWC tensor; the caller disposes it. */
export function imageTensor(faceapi: FaceApi, image: LoadedImage): Tensor3D {
  return faceapi.tf.tensor3d(image.pixels, [image.scaledHeight, image.scaledWidth, 3], 'int32');
}

/** One detector pass, optionally on a grey-bordered copy (`padFraction` > 0); boxes normalized to the image. */
export async function detectOnce(
  faceapi: FaceApi,
  image: Pick<LoadedImage, 'scaledWidth' | 'scaledHeight'>,
  tensor: Tensor3D,
  detector: 'ssd' | 'tiny',
  minScore: number,
  padFraction = 0,
): Promise<DetectedFace[]> {
  const pad = Math.round(Math.max(image.scaledWidth, image.scaledHeight) * padFraction);
  const input =
    pad > 0
      ? faceapi.tf.pad(
          tensor,
          [
            [pad, pad],
            [pad, pad],
            [0, 0],
          ],
          PAD_GREY,
        )
      : tensor;
  try {
    const options =
      detector === 'ssd'
        ? new faceapi.SsdMobilenetv1Options({ minConfidence: minScore, maxResults: 200 })
        : new faceapi.TinyFaceDetectorOptions({ inputSize: TINY_INPUT_SIZE, scoreThreshold: minScore });
    const found = await faceapi.detectAllFaces(input as never, options);
    return found.map((d) => ({
      score: d.score,
      box: clipBox({
        x: (d.box.x - pad) / image.scaledWidth,
        y: (d.box.y - pad) / image.scaledHeight,
        w: d.box.width / image.scaledWidth,
        h: d.box.height / image.scaledHeight,
      }),
    }));
  } finally {
    if (input !== tensor) input.dispose();
  }
}

function clipBox(b: Box): Box {
  const x = Math.max(0, b.x);
  const y = Math.max(0, b.y);
  return { x, y, w: Math.min(1, b.x + b.w) - x, h: Math.min(1, b.y + b.h) - y };
}

function overlapOfSmaller(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / Math.min(a.w * a.h, b.w * b.h);
}

/** Union of several passes; of two boxes on the same face, the higher score stays. */
export function mergeFaces(...passes: DetectedFace[][]): DetectedFace[] {
  const kept: DetectedFace[] = [];
  for (const face of passes.flat().sort((a, b) => b.score - a.score)) {
    if (kept.every((k) => overlapOfSmaller(k.box, face.box) < SAME_FACE_OVERLAP)) kept.push(face);
  }
  return kept;
}

/** ssd on two overlapping tiles along the long side: small faces come out about 1.5× larger. */
async function detectTiles(
  faceapi: FaceApi,
  image: LoadedImage,
  tensor: Tensor3D,
  minScore: number,
): Promise<DetectedFace[]> {
  const { scaledWidth: W, scaledHeight: H } = image;
  const across = W >= H;
  const size = Math.round((across ? W : H) * TILE_FRACTION);
  const found: DetectedFace[] = [];
  for (const offset of [0, (across ? W : H) - size]) {
    const tile = across
      ? faceapi.tf.slice(tensor, [0, offset, 0], [H, size, 3])
      : faceapi.tf.slice(tensor, [offset, 0, 0], [size, W, 3]);
    try {
      const dims = { scaledWidth: across ? size : W, scaledHeight: across ? H : size };
      for (const face of await detectOnce(faceapi, dims, tile as Tensor3D, 'ssd', minScore)) {
        const { x, y, w, h } = face.box;
        const box = across
          ? { x: (x * size + offset) / W, y, w: (w * size) / W, h }
          : { x, y: (y * size + offset) / H, w, h: (h * size) / H };
        found.push({ score: face.score, box });
      }
    } finally {
      tile.dispose();
    }
  }
  return found;
}

/**
 * `auto`: ssd once. When it finds small faces (a group further away), ssd again on two overlapping tiles and
 * merge. When it finds nothing (typically a tight crop where the face fills the frame), ssd on a grey-bordered
 * copy, then with a wider border, then tiny on the first bordered copy with a slightly lower score bar. A portrait costs exactly one ssd pass.
 */
async function detectAuto(
  faceapi: FaceApi,
  image: LoadedImage,
  tensor: Tensor3D,
  minScore: number,
): Promise<DetectedFace[]> {
  const first = await detectOnce(faceapi, image, tensor, 'ssd', minScore);
  const long = Math.max(image.scaledWidth, image.scaledHeight);
  if (
    first.some((f) => Math.max(f.box.w * image.scaledWidth, f.box.h * image.scaledHeight) < SMALL_FACE * long)
  ) {
    return mergeFaces(first, await detectTiles(faceapi, image, tensor, minScore));
  }
  if (first.length > 0) return first;
  for (const padFraction of PAD_FRACTIONS) {
    const padded = await detectOnce(faceapi, image, tensor, 'ssd', minScore, padFraction);
    if (padded.length > 0) return padded;
  }
  const tinyScore = Math.max(0, minScore - TINY_RETRY_SCORE_DROP);
  return detectOnce(faceapi, image, tensor, 'tiny', tinyScore, PAD_FRACTIONS[0]);
}

/**
 * Finds faces. `ssd` (SSD MobileNet v1) is accurate, `tiny` is fast but misses turned and small faces,
 * `auto` (default) adds a tiled pass when ssd finds small faces and a grey-bordered retry when it finds
 * nothing — see docs/vision.md for the measurements behind it. Boxes are normalized to the upright image.
 */
export async function detectFaces(image: LoadedImage, opts: DetectOptions = {}): Promise<DetectedFace[]> {
  const faceapi = await faceApi();
  const detector = opts.detector ?? DEFAULT_DETECTOR;
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const tensor = imageTensor(faceapi, image);
  try {
    if (detector === 'auto') return await detectAuto(faceapi, image, tensor, minScore);
    return await detectOnce(faceapi, image, tensor, detector, minScore);
  } finally {
    tensor.dispose();
  }
}

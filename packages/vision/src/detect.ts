import { type FaceApi, faceApi } from './backend.js';
import type { Box, DetectedFace, DetectOptions, DetectorName, LoadedImage } from './types.js';

export const DEFAULT_DETECTOR: DetectorName = 'auto';
export const DEFAULT_MIN_SCORE = 0.5;
/** Tiny detector input size (multiple of 32). 416 is its sweet spot on photos scaled to ≤1024 px. */
export const TINY_INPUT_SIZE = 416;
/** Border added on each side, as a fraction of the longer side, for the padded retry. */
export const PAD_FRACTION = 0.25;
/** The last-resort tiny pass accepts scores this much below `minScore` (measured: recovers tight crops). */
export const TINY_RETRY_SCORE_DROP = 0.1;
const PAD_GREY = 128;

type Tensor3D = ReturnType<FaceApi['tf']['tensor3d']>;

/** The image as an int32 HWC tensor; the caller disposes it. */
export function imageTensor(faceapi: FaceApi, image: LoadedImage): Tensor3D {
  return faceapi.tf.tensor3d(image.pixels, [image.scaledHeight, image.scaledWidth, 3], 'int32');
}

/** One detector pass, optionally on a grey-bordered copy; boxes normalized to the unpadded image. */
export async function detectOnce(
  faceapi: FaceApi,
  image: LoadedImage,
  tensor: Tensor3D,
  detector: 'ssd' | 'tiny',
  minScore: number,
  padded = false,
): Promise<DetectedFace[]> {
  const pad = padded ? Math.round(Math.max(image.scaledWidth, image.scaledHeight) * PAD_FRACTION) : 0;
  const input = padded
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

/** Intersection over union of two normalized boxes. */
export function boxIou(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.w * a.h + b.w * b.h - inter);
}

/**
 * `auto`: ssd; when it finds nothing (typically a tight crop where the face fills the frame), ssd again on a
 * grey-bordered copy; when that finds nothing either, tiny on the bordered copy with a slightly lower score
 * bar. Photos where ssd finds faces cost exactly one ssd pass.
 */
async function detectAuto(
  faceapi: FaceApi,
  image: LoadedImage,
  tensor: Tensor3D,
  minScore: number,
): Promise<DetectedFace[]> {
  const first = await detectOnce(faceapi, image, tensor, 'ssd', minScore);
  if (first.length > 0) return first;
  const padded = await detectOnce(faceapi, image, tensor, 'ssd', minScore, true);
  if (padded.length > 0) return padded;
  return detectOnce(faceapi, image, tensor, 'tiny', Math.max(0, minScore - TINY_RETRY_SCORE_DROP), true);
}

/**
 * Finds faces. `ssd` (SSD MobileNet v1) is accurate, `tiny` is fast but misses turned and small faces,
 * `auto` (default) runs ssd and retries on a grey-bordered copy when nothing is found — see docs/vision.md
 * for the measurements behind it. Boxes are normalized to the upright image.
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

import { backendInfo } from './backend.js';
import { describeFaces } from './describe.js';
import {
  DEFAULT_DETECTOR,
  DEFAULT_MIN_SCORE,
  detectFaces,
  PAD_FRACTIONS,
  SMALL_FACE,
  TILE_FRACTION,
  TINY_INPUT_SIZE,
  TINY_RETRY_SCORE_DROP,
} from './detect.js';
import { DEFAULT_MAX_SIDE, loadImage } from './load-image.js';
import type { Box, DescribedFace, DetectorName, LoadedImage, PhotoFaces } from './types.js';

export interface AnalyzeOptions {
  detector?: DetectorName;
  maxSide?: number;
  minScore?: number;
  /** Boxes from elsewhere (e.g. Picasa) to describe as well; results in `known`, in the same order. */
  knownBoxes?: Box[];
}

export type AnalyzedPhoto = PhotoFaces & { known: DescribedFace[] };

/** Models shipped by this face-api version (weights never change within a version). */
const MODELS = 'face-api@1.7.15:ssd_mobilenetv1+tiny_face_detector+landmark68+recognition';

/**
 * Identifies models + detector + settings. Stored with faces by the indexer; when it changes, stored faces
 * must be recomputed. Bump the trailing revision when detection or description code changes its output.
 */
export function pipelineVersion(opts: Omit<AnalyzeOptions, 'knownBoxes'> = {}): string {
  const detector = opts.detector ?? DEFAULT_DETECTOR;
  const settings = [
    `det=${detector}`,
    `max=${opts.maxSide ?? DEFAULT_MAX_SIDE}`,
    `min=${opts.minScore ?? DEFAULT_MIN_SCORE}`,
    ...(detector === 'ssd' ? [] : [`tiny=${TINY_INPUT_SIZE}`]),
    ...(detector === 'auto'
      ? [
          `pad=${PAD_FRACTIONS.join('+')}`,
          `tinyDrop=${TINY_RETRY_SCORE_DROP}`,
          `small=${SMALL_FACE}`,
          `tile=${TILE_FRACTION}`,
        ]
      : []),
  ];
  return `${MODELS};${settings.join(',')};r1`;
}

/** Detect + describe the detected faces + describe `knownBoxes` on an already loaded image. */
export async function analyzeImage(image: LoadedImage, opts: AnalyzeOptions = {}): Promise<AnalyzedPhoto> {
  const detected = await detectFaces(image, {
    ...(opts.detector ? { detector: opts.detector } : {}),
    ...(opts.minScore === undefined ? {} : { minScore: opts.minScore }),
  });
  const described = await describeFaces(
    image,
    detected.map((d) => d.box),
  );
  const known = await describeFaces(image, opts.knownBoxes ?? []);
  const faces = described.map((face) => ({
    ...face,
    score: detected.find((d) => d.box === face.box)?.score ?? 0,
  }));
  return {
    width: image.width,
    height: image.height,
    orientation: image.orientation,
    faces,
    known,
    pipeline: pipelineVersion(opts),
    backend: (await backendInfo()).name,
  };
}

/** Load + detect + describe detected faces + describe `knownBoxes`, in one call. */
export async function analyzePhoto(
  input: string | Buffer,
  opts: AnalyzeOptions = {},
): Promise<AnalyzedPhoto> {
  const image = await loadImage(input, opts.maxSide === undefined ? {} : { maxSide: opts.maxSide });
  return analyzeImage(image, opts);
}

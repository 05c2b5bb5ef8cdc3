/**
 * Two descriptors closer than this are the same person. Measured on ../shared/faces/pairs.tsv
 * (see docs/vision.md); the usual dlib/face-api value.
 */
export const SAME_PERSON_THRESHOLD = 0.6;

/** Euclidean distance between two descriptors, with optional per-dimension weights. */
export function faceDistance(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  if (a.length !== b.length) throw new Error(`descriptor lengths differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    sum += (weights ? (weights[i] as number) : 1) * d * d;
  }
  return Math.sqrt(sum);
}

import type { Box } from './types.js';

export interface PicasaDetectionPair {
  /** Index into the Picasa boxes. */
  picasa: number;
  /** Index into the detected boxes. */
  detected: number;
}

/** A detected box smaller than this share of the Picasa box is some other, smaller face. */
const MIN_AREA_RATIO = 0.08;
/** A detected box larger than this multiple of the Picasa box is not the face Picasa drew. */
const MAX_AREA_RATIO = 2.5;
/** Typical detected-box area as a share of Picasa's (a head box ~1.6× a face box each way). */
const TYPICAL_AREA_RATIO = 0.4;
/** Weight of the size mismatch against the centre distance in a pair's cost. */
const SIZE_WEIGHT = 0.2;

/**
 * Pairs Picasa face boxes with detected face boxes, one-to-one (all boxes normalized {x, y, w, h}
 * of the same upright image). Picasa's boxes are looser than a detector's (whole head, hair), so
 * IoU alone is a poor test. A pair is possible when each box contains the other's centre and the
 * sizes are compatible; among possible pairs the lowest cost (centre distance relative to the
 * Picasa box, plus how far the size ratio is from a typical head-to-face ratio) is taken first. A Picasa box that pairs with nothing keeps its own box.
 */
export function matchPicasaFaces(
  picasaBoxes: readonly Box[],
  detectedBoxes: readonly Box[],
): PicasaDetectionPair[] {
  const candidates: { picasa: number; detected: number; cost: number }[] = [];
  picasaBoxes.forEach((p, pi) => {
    detectedBoxes.forEach((d, di) => {
      const cost = pairCost(p, d);
      if (cost !== null) candidates.push({ picasa: pi, detected: di, cost });
    });
  });
  candidates.sort((a, b) => a.cost - b.cost || a.picasa - b.picasa || a.detected - b.detected);
  const usedPicasa = new Set<number>();
  const usedDetected = new Set<number>();
  const pairs: PicasaDetectionPair[] = [];
  for (const c of candidates) {
    if (usedPicasa.has(c.picasa) || usedDetected.has(c.detected)) continue;
    usedPicasa.add(c.picasa);
    usedDetected.add(c.detected);
    pairs.push({ picasa: c.picasa, detected: c.detected });
  }
  return pairs.sort((a, b) => a.picasa - b.picasa);
}

/** Cost of pairing (lower is better), or null when the two boxes cannot be the same face. */
function pairCost(p: Box, d: Box): number | null {
  if (p.w <= 0 || p.h <= 0 || d.w <= 0 || d.h <= 0) return null;
  const ratio = (d.w * d.h) / (p.w * p.h);
  if (ratio < MIN_AREA_RATIO || ratio > MAX_AREA_RATIO) return null;
  const pc = centre(p);
  const dc = centre(d);
  if (!contains(p, dc) || !contains(d, pc)) return null;
  // Distance in units of the Picasa box, so candidates for one Picasa box are compared fairly.
  const dx = (pc.x - dc.x) / p.w;
  const dy = (pc.y - dc.y) / p.h;
  return Math.hypot(dx, dy) + Math.abs(Math.log(ratio / TYPICAL_AREA_RATIO)) * SIZE_WEIGHT;
}

function centre(b: Box) {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

function contains(b: Box, point: { x: number; y: number }): boolean {
  return point.x >= b.x && point.x <= b.x + b.w && point.y >= b.y && point.y <= b.y + b.h;
}

import type { Box } from '@kindred/vision';
import { matchPicasaFaces } from '../picasa/match.js';

export interface KeptFace {
  box: Box;
  source: 'detected' | 'picasa' | 'manual' | 'xmp';
}

export function iou(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const i = w * h;
  return i / (a.w * a.h + b.w * b.h - i);
}

/** Minimum IoU for a new detection to stand for a face an earlier pipeline detected. */
export const MIN_REDETECTION_IOU = 0.4;

/**
 * One-to-one matching of kept faces to detections. Map: kept index → detection index.
 * Faces an earlier pipeline detected are re-found by IoU (best first); tag boxes (Picasa, XMP, drawn by
 * hand) are looser than a detector's and go through the Picasa matcher on the detections left.
 */
export function matchKeptFaces(kept: KeptFace[], detections: Box[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  const candidates: Array<{ i: number; j: number; score: number }> = [];
  kept.forEach((face, i) => {
    if (face.source !== 'detected') return;
    detections.forEach((box, j) => {
      const score = iou(face.box, box);
      if (score >= MIN_REDETECTION_IOU) candidates.push({ i, j, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const { i, j } of candidates) {
    if (pairs.has(i) || used.has(j)) continue;
    pairs.set(i, j);
    used.add(j);
  }
  const tags = kept.flatMap((face, i) => (face.source === 'detected' ? [] : [{ face, i }]));
  const free = detections.flatMap((box, j) => (used.has(j) ? [] : [{ box, j }]));
  for (const pair of matchPicasaFaces(
    tags.map((t) => t.face.box),
    free.map((f) => f.box),
  )) {
    const tag = tags[pair.picasa];
    const detection = free[pair.detected];
    if (tag && detection) pairs.set(tag.i, detection.j);
  }
  return pairs;
}

import { picasaRectToUpright } from '../picasa/orientation.js';
import type { Box } from '../picasa/types.js';

/** Normalized-box rectangle edges, as the orientation mapping takes them. */
const edges = (b: Box) => ({ left: b.x, top: b.y, right: b.x + b.w, bottom: b.y + b.h });

/**
 * A box on the stored (unrotated) pixel grid → the same region on the upright image, applying the EXIF
 * Orientation (1–8; anything else counts as 1). The same mapping as Picasa's RAW rectangles.
 */
export function storedToUpright(box: Box, orientation: number | null): Box {
  return picasaRectToUpright(edges(box), orientation, 'stored');
}

/** The inverse of `storedToUpright`: 6 and 8 undo each other; every other orientation undoes itself. */
export function uprightToStored(box: Box, orientation: number | null): Box {
  const inverse = orientation === 6 ? 8 : orientation === 8 ? 6 : orientation;
  return picasaRectToUpright(edges(box), inverse, 'stored');
}

/**
 * Whether MWG regions were measured on the displayed (already rotated) image rather than the stored grid
 * the MWG guidelines prescribe. Some tools did that; for a quarter-turn orientation (5–8) their
 * `AppliedToDimensions` betray it by having the displayed image's shape (portrait where the stored pixels
 * are landscape, or the reverse). For the other orientations nothing tells, and the stored grid is assumed.
 */
export function measuredOnDisplayed(
  appliedTo: { w: number; h: number } | null,
  stored: { width: number; height: number } | null,
  orientation: number | null,
): boolean {
  if (!appliedTo || !stored || orientation === null || orientation < 5 || orientation > 8) return false;
  if (appliedTo.w === appliedTo.h || stored.width === stored.height) return false;
  return appliedTo.w > appliedTo.h !== stored.width > stored.height;
}

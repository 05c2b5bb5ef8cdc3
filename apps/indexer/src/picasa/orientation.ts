import type { Box, PicasaRect } from './types.js';

/** Which pixel grid a Picasa rectangle was measured on. */
export type PicasaGrid = 'displayed' | 'stored';

const RAW_EXTENSIONS = new Set([
  'arw',
  'cr2',
  'cr3',
  'crw',
  'dcr',
  'dng',
  'erf',
  'kdc',
  'mef',
  'mos',
  'mrw',
  'nef',
  'nrw',
  'orf',
  'pef',
  'raf',
  'raw',
  'rw2',
  'rwl',
  'sr2',
  'srf',
  'srw',
  'x3f',
]);

/**
 * The grid Picasa measured a file's `faces=` on. For JPEG, PNG and other ordinary images Picasa's
 * regions are used as they are, i.e. on the displayed (EXIF-oriented) image (exiftool's
 * picasa_faces.config does the same). For camera-RAW files Picasa wrote regions on the stored,
 * unrotated grid (exiftool's changelog), so the EXIF orientation must still be applied.
 */
export function picasaGridFor(fileName: string): PicasaGrid {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return RAW_EXTENSIONS.has(ext) ? 'stored' : 'displayed';
}

/**
 * Maps a Picasa rectangle to a normalized box of the upright image (origin top-left, {x, y, w, h}).
 * `orientation` is the EXIF Orientation (1–8; anything else counts as 1). On the `displayed` grid
 * the rectangle already is upright; on the `stored` grid it is carried through the same transform
 * that turns the stored pixels upright. Values are clamped to 0–1.
 */
export function picasaRectToUpright(
  rect: PicasaRect,
  orientation: number | null,
  grid: PicasaGrid = 'displayed',
): Box {
  const l = clamp01(Math.min(rect.left, rect.right));
  const r = clamp01(Math.max(rect.left, rect.right));
  const t = clamp01(Math.min(rect.top, rect.bottom));
  const b = clamp01(Math.max(rect.top, rect.bottom));
  const o = grid === 'stored' && orientation && orientation >= 2 && orientation <= 8 ? orientation : 1;
  // Each case maps the stored box to the displayed one (x right, y down, fractions).
  switch (o) {
    case 2: // mirrored horizontally
      return { x: 1 - r, y: t, w: r - l, h: b - t };
    case 3: // rotated 180°
      return { x: 1 - r, y: 1 - b, w: r - l, h: b - t };
    case 4: // mirrored vertically
      return { x: l, y: 1 - b, w: r - l, h: b - t };
    case 5: // transposed (mirror + 90° CCW): stored (x, y) → displayed (y, x)
      return { x: t, y: l, w: b - t, h: r - l };
    case 6: // needs 90° CW: stored (x, y) → displayed (1 − y, x)
      return { x: 1 - b, y: l, w: b - t, h: r - l };
    case 7: // transverse: stored (x, y) → displayed (1 − y, 1 − x)
      return { x: 1 - b, y: 1 - r, w: b - t, h: r - l };
    case 8: // needs 90° CCW: stored (x, y) → displayed (y, 1 − x)
      return { x: t, y: 1 - r, w: b - t, h: r - l };
    default:
      return { x: l, y: t, w: r - l, h: b - t };
  }
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

import type { Box } from '../picasa/types.js';
import { qname } from './namespaces.js';
import { itemsOf, structOf, textOf, type XmpStruct } from './rdf.js';

/** One face region as a file states it: a box on the grid the writer measured (see `grid.ts`), and a name. */
export interface XmpRegion {
  /** Normalized {x, y, w, h}, origin top-left, on the writer's grid, clamped to 0–1. */
  box: Box;
  name: string | null;
  convention: 'mwg' | 'mp';
}

/** What one XMP packet or sidecar says about faces. */
export interface XmpFaces {
  regions: XmpRegion[];
  /** MWG `AppliedToDimensions` in pixels (the grid the MWG regions were measured on), when given. */
  appliedTo: { w: number; h: number } | null;
  /** `Iptc4xmpExt:PersonInImage` names (read for the report; they say who, not where). */
  personInImage: string[];
  /** Regions that could not be used, in words. */
  warnings: string[];
}

/** Picasa's "no name" contact id, which its MP regions carry for unnamed faces. */
const UNNAMED_MP = 'ffffffffffffffff';

const num = (value: string | undefined) => (value === undefined ? Number.NaN : Number(value.trim()));

function cleanName(name: string | undefined): string | null {
  const trimmed = name?.trim();
  return trimmed && trimmed.toLowerCase() !== UNNAMED_MP ? trimmed : null;
}

/** A box from its edges, clamped to the image; null when nothing of it is inside. */
function clampedBox(left: number, top: number, w: number, h: number): Box | null {
  if (![left, top, w, h].every(Number.isFinite) || w <= 0 || h <= 0) return null;
  const l = Math.max(0, left);
  const t = Math.max(0, top);
  const r = Math.min(1, left + w);
  const b = Math.min(1, top + h);
  return r > l && b > t ? { x: l, y: t, w: r - l, h: b - t } : null;
}

function dimensions(struct: XmpStruct | undefined) {
  const w = num(textOf(struct?.get(qname('stDim', 'w'))));
  const h = num(textOf(struct?.get(qname('stDim', 'h'))));
  return Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0 ? { w, h } : null;
}

function mwgRegions(top: XmpStruct, out: XmpFaces): void {
  const regions = structOf(top.get(qname('mwgRs', 'Regions')));
  if (!regions) return;
  out.appliedTo = dimensions(structOf(regions.get(qname('mwgRs', 'AppliedToDimensions'))));
  itemsOf(regions.get(qname('mwgRs', 'RegionList'))).forEach((item, i) => {
    const region = structOf(item);
    if (!region) return;
    const type = textOf(region.get(qname('mwgRs', 'Type')));
    const name = cleanName(textOf(region.get(qname('mwgRs', 'Name'))));
    // Type is Face; a region without a type counts when it names someone.
    if (type ? type.trim().toLowerCase() !== 'face' : name === null) return;
    const area = structOf(region.get(qname('mwgRs', 'Area')));
    const field = (k: string) => num(textOf(area?.get(qname('stArea', k))));
    let [cx, cy, w, h] = [field('x'), field('y'), field('w'), field('h')];
    const unit =
      textOf(area?.get(qname('stArea', 'unit')))
        ?.trim()
        .toLowerCase() ?? 'normalized';
    if (unit === 'pixel' && out.appliedTo) {
      [cx, cy, w, h] = [cx / out.appliedTo.w, cy / out.appliedTo.h, w / out.appliedTo.w, h / out.appliedTo.h];
    } else if (unit !== 'normalized') {
      out.warnings.push(`MWG region ${i + 1}: unit "${unit}" without AppliedToDimensions; skipped`);
      return;
    }
    // stArea x/y are the centre of the region.
    const box = clampedBox(cx - w / 2, cy - h / 2, w, h);
    if (box) out.regions.push({ box, name, convention: 'mwg' });
    else out.warnings.push(`MWG region ${i + 1}: no usable area (x, y, w, h); skipped`);
  });
}

function mpRegions(top: XmpStruct, out: XmpFaces): void {
  const info = structOf(top.get(qname('mp', 'RegionInfo')));
  if (!info) return;
  itemsOf(info.get(qname('mpri', 'Regions'))).forEach((item, i) => {
    const region = structOf(item);
    const rectangle = textOf(region?.get(qname('mpReg', 'Rectangle')));
    if (!region || rectangle === undefined) return; // a name without a rectangle says who, not where
    const parts = rectangle.split(',').map((p) => num(p));
    // MP rectangles are "x, y, w, h" with x/y the top-left corner.
    const box = parts.length === 4 ? clampedBox(...(parts as [number, number, number, number])) : null;
    if (!box) {
      out.warnings.push(`MP region ${i + 1}: rectangle "${rectangle}" is not "x, y, w, h"; skipped`);
      return;
    }
    out.regions.push({
      box,
      name: cleanName(textOf(region.get(qname('mpReg', 'PersonDisplayName')))),
      convention: 'mp',
    });
  });
}

/** Face regions (MWG and Microsoft MP) and PersonInImage names of one parsed XMP packet. */
export function facesOfXmp(top: XmpStruct): XmpFaces {
  const out: XmpFaces = { regions: [], appliedTo: null, personInImage: [], warnings: [] };
  mwgRegions(top, out);
  mpRegions(top, out);
  for (const item of itemsOf(top.get(qname('iptcExt', 'PersonInImage')))) {
    const name = cleanName(textOf(item));
    if (name) out.personInImage.push(name);
  }
  return out;
}

import type { Box } from '../picasa/types.js';
import { NS, PREFIX, qname } from './namespaces.js';
import type { XmpValue } from './rdf.js';
import { escapeXml } from './xml.js';

/** A face to write: its box on the stored grid (orientation already undone) and the person's name. */
export interface StoredFace {
  box: Box;
  name: string;
}

export interface RegionsToWrite {
  faces: StoredFace[];
  /** Stored pixel size (MWG AppliedToDimensions); omitted when unknown. */
  stored: { width: number; height: number } | null;
  /** Also write Microsoft MP regions (Windows Photo Gallery, older tools). */
  mp: boolean;
  /** Regions of the existing MWG list that are not faces (pets, focus areas): written back unchanged. */
  otherRegions: XmpValue[];
}

/** Numbers as exiftool writes them: at most 6 decimals, no trailing zeros. */
const n = (v: number) => String(Number(v.toFixed(6)));

/** Namespaces the generic writer met that Kindred has no prefix for: URI → prefix. */
type Extra = Map<string, string>;

function split(expanded: string): [string, string] {
  const at = Math.max(expanded.lastIndexOf('/'), expanded.lastIndexOf('#')) + 1;
  return [expanded.slice(0, at), expanded.slice(at)];
}

function prefixed(expanded: string, extra: Extra): string {
  const [uri, local] = split(expanded);
  const known = (Object.keys(NS) as (keyof typeof NS)[]).find((k) => NS[k] === uri);
  if (known) return `${PREFIX[known]}:${local}`;
  let prefix = extra.get(uri);
  if (!prefix) {
    prefix = `ns${extra.size + 1}`;
    extra.set(uri, prefix);
  }
  return `${prefix}:${local}`;
}

/** Any parsed XMP value back to RDF/XML (structs as parseType Resource, arrays as rdf:Bag). */
function valueXml(value: XmpValue, extra: Extra): { attrs: string; body: string } {
  if (typeof value === 'string') return { attrs: '', body: escapeXml(value) };
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      const { attrs, body } = valueXml(item, extra);
      return `<rdf:li${attrs}>${body}</rdf:li>`;
    });
    return { attrs: '', body: `<rdf:Bag>${items.join('')}</rdf:Bag>` };
  }
  const fields = [...value].map(([name, field]) => element(prefixed(name, extra), field, extra));
  return { attrs: ' rdf:parseType="Resource"', body: fields.join('') };
}

function element(tag: string, value: XmpValue, extra: Extra): string {
  const { attrs, body } = valueXml(value, extra);
  return `<${tag}${attrs}>${body}</${tag}>`;
}

const struct = (fields: [string, XmpValue][]): XmpValue => new Map(fields);

function mwgRegion(face: StoredFace): XmpValue {
  const { x, y, w, h } = face.box;
  // stArea x/y are the centre of the region.
  const area = struct([
    [qname('stArea', 'x'), n(x + w / 2)],
    [qname('stArea', 'y'), n(y + h / 2)],
    [qname('stArea', 'w'), n(w)],
    [qname('stArea', 'h'), n(h)],
    [qname('stArea', 'unit'), 'normalized'],
  ]);
  return struct([
    [qname('mwgRs', 'Area'), area],
    [qname('mwgRs', 'Name'), face.name],
    [qname('mwgRs', 'Type'), 'Face'],
  ]);
}

function mpRegion(face: StoredFace): XmpValue {
  const { x, y, w, h } = face.box;
  return struct([
    [qname('mpReg', 'PersonDisplayName'), face.name],
    [qname('mpReg', 'Rectangle'), [x, y, w, h].map(n).join(', ')],
  ]);
}

/**
 * One rdf:Description holding what Kindred writes: MWG regions (with AppliedToDimensions), optionally
 * Microsoft MP regions, and Iptc4xmpExt:PersonInImage (the distinct names).
 */
export function regionsDescription(write: RegionsToWrite): string {
  const extra: Extra = new Map();
  const regions: [string, XmpValue][] = [];
  if (write.stored) {
    regions.push([
      qname('mwgRs', 'AppliedToDimensions'),
      struct([
        [qname('stDim', 'w'), String(write.stored.width)],
        [qname('stDim', 'h'), String(write.stored.height)],
        [qname('stDim', 'unit'), 'pixel'],
      ]),
    ]);
  }
  regions.push([qname('mwgRs', 'RegionList'), [...write.faces.map(mwgRegion), ...write.otherRegions]]);
  const body = [element(prefixed(qname('mwgRs', 'Regions'), extra), struct(regions), extra)];
  if (write.mp) {
    const info = struct([[qname('mpri', 'Regions'), write.faces.map(mpRegion)]]);
    body.push(element(prefixed(qname('mp', 'RegionInfo'), extra), info, extra));
  }
  const names = [...new Set(write.faces.map((f) => f.name))];
  body.push(element(prefixed(qname('iptcExt', 'PersonInImage'), extra), names, extra));
  const used: (keyof typeof NS)[] = [
    'mwgRs',
    'stArea',
    'stDim',
    'iptcExt',
    ...(write.mp ? (['mp', 'mpri', 'mpReg'] as const) : []),
  ];
  const declarations = [
    ...used.map((k) => `xmlns:${PREFIX[k]}="${NS[k]}"`),
    ...[...extra].map(([uri, prefix]) => `xmlns:${prefix}="${escapeXml(uri)}"`),
  ];
  return `<rdf:Description rdf:about="" ${declarations.join(' ')}>${body.join('')}</rdf:Description>`;
}

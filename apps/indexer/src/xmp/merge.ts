import { qname } from './namespaces.js';
import { itemsOf, parseXmp, removeTopProperties, structOf, textOf, type XmpValue } from './rdf.js';
import { regionsDescription, type StoredFace } from './serialize.js';
import { buildXml, parseXml, tagOf, XmpSyntaxError } from './xml.js';

export interface RegionsUpdate {
  faces: StoredFace[];
  stored: { width: number; height: number } | null;
  mp: boolean;
}

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** Regions of an existing MWG list that are not faces (pets, focus areas, barcodes): they are kept. */
function otherRegions(existing: string): XmpValue[] {
  const regions = structOf(parseXmp(existing).get(qname('mwgRs', 'Regions')));
  return itemsOf(regions?.get(qname('mwgRs', 'RegionList'))).filter((item) => {
    const type = textOf(structOf(item)?.get(qname('mwgRs', 'Type')));
    return type !== undefined && type.trim().toLowerCase() !== 'face';
  });
}

/**
 * The x:xmpmeta element to store: `existing` (an XMP packet or sidecar, or null for a new one) with
 * Kindred's face regions in place of its MWG region list, its PersonInImage names and, with `mp`, its
 * Microsoft regions. Everything else in it is kept as written. Throws XmpSyntaxError on malformed XMP.
 */
export function mergeRegions(existing: string | null, update: RegionsUpdate): string {
  const description = regionsDescription({
    ...update,
    otherRegions: existing ? otherRegions(existing) : [],
  }).replace('<rdf:Description ', `<rdf:Description xmlns:rdf="${RDF_NS}" `);
  if (!existing) {
    return `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Kindred"><rdf:RDF xmlns:rdf="${RDF_NS}">${description}</rdf:RDF></x:xmpmeta>`;
  }
  const nodes = parseXml(existing);
  const replaced = new Set([qname('mwgRs', 'Regions'), qname('iptcExt', 'PersonInImage')]);
  if (update.mp) replaced.add(qname('mp', 'RegionInfo'));
  const rdfChildren = removeTopProperties(nodes, replaced);
  if (!rdfChildren) throw new XmpSyntaxError('no rdf:RDF element: not an XMP packet');
  rdfChildren.push(...parseXml(description));
  const root = nodes.find((node) => tagOf(node) !== null);
  if (!root) throw new XmpSyntaxError('no root element');
  const xml = buildXml([root]);
  return /^<x:xmpmeta[\s>]/.test(xml)
    ? xml
    : `<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Kindred">${xml}</x:xmpmeta>`;
}

/** An XMP packet for a JPEG APP1 segment: the xpacket wrapper, `padding` spaces for in-place edits. */
export function wrapPacket(xmpmeta: string, padding: number): string {
  const pad = `${' '.repeat(99)}\n`.repeat(Math.ceil(padding / 100)).slice(0, padding);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n${xmpmeta}\n${pad}<?xpacket end="w"?>`;
}

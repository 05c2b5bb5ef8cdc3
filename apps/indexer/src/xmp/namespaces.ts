/** XMP namespace URIs Kindred reads and writes (prefixes in files vary; these URIs do not). */
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  x: 'adobe:ns:meta/',
  mwgRs: 'http://www.metadataworkinggroup.com/schemas/regions/',
  stArea: 'http://ns.adobe.com/xmp/sType/Area#',
  stDim: 'http://ns.adobe.com/xap/1.0/sType/Dimensions#',
  mp: 'http://ns.microsoft.com/photo/1.2/',
  mpri: 'http://ns.microsoft.com/photo/1.2/t/RegionInfo#',
  mpReg: 'http://ns.microsoft.com/photo/1.2/t/Region#',
  iptcExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  tiff: 'http://ns.adobe.com/tiff/1.0/',
} as const;

/** The prefixes Kindred writes for them (the conventional ones, as exiftool writes them). */
export const PREFIX: Record<keyof typeof NS, string> = {
  rdf: 'rdf',
  x: 'x',
  mwgRs: 'mwg-rs',
  stArea: 'stArea',
  stDim: 'stDim',
  mp: 'MP',
  mpri: 'MPRI',
  mpReg: 'MPReg',
  iptcExt: 'Iptc4xmpExt',
  tiff: 'tiff',
};

/** An expanded property name: namespace URI followed by the local name (how XMP itself names properties). */
export const qname = (ns: keyof typeof NS, local: string) => `${NS[ns]}${local}`;

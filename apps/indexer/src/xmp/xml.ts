import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * XML as fast-xml-parser's ordered tree: one object per node, `{ tag: children, ':@': attributes }`,
 * `{ '#text': text }` or `{ '#comment': [...] }`. Text and attribute values stay exactly as written
 * (entities not decoded), so a tree parsed and built again keeps everything Kindred did not change.
 */
export type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** XMP that is not well-formed XML, or has no `rdf:RDF`. */
export class XmpSyntaxError extends Error {
  override name = 'XmpSyntaxError';
}

const options = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  commentPropName: '#comment',
  ignorePiTags: false,
  allowBooleanAttributes: false,
} as const;

/** Parses XML text (checked for well-formedness first: a clear error instead of a half-read tree). */
export function parseXml(text: string): XmlNode[] {
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new XmpSyntaxError(`malformed XML at line ${line}, column ${col}: ${msg}`);
  }
  return new XMLParser(options).parse(text) as XmlNode[];
}

export function buildXml(nodes: XmlNode[]): string {
  return new XMLBuilder({ ...options, suppressEmptyNode: true }).build(nodes) as string;
}

/** The element name of a node (null for text, comments and processing instructions). */
export function tagOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) {
    if (key === ':@' || key.startsWith('#') || key.startsWith('?')) continue;
    return key;
  }
  return null;
}

export const childrenOf = (node: XmlNode, tag: string): XmlNode[] => (node[tag] as XmlNode[]) ?? [];
export const attributesOf = (node: XmlNode): Record<string, string> => node[':@'] ?? {};

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML character references and the five named entities. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Escapes text for an XML element or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[c]};`);
}

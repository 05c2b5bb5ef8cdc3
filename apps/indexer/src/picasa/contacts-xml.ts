import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normalizeContactId } from './rect64.js';
import { decodePicasaBytes } from './text.js';
import type { PicasaWarning } from './types.js';

export interface PicasaContactsXml {
  /** contact id (16 hex) → name, XML-unescaped. */
  contacts: Map<string, string>;
  warnings: PicasaWarning[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true,
  htmlEntities: true,
  parseAttributeValue: false,
  isArray: (name) => name === 'contact',
});

/**
 * Parses Picasa's machine-wide `contacts.xml` (`<contacts><contact id=… name=…/>…</contacts>`).
 * Bytes are read as UTF-8 when valid, else Windows-1252. Never throws: a malformed file yields
 * no contacts and a warning; a contact without a usable id or name is skipped with a warning.
 */
export function parseContactsXml(input: Uint8Array | string): PicasaContactsXml {
  const text = typeof input === 'string' ? input : decodePicasaBytes(input);
  const warnings: PicasaWarning[] = [];
  const contacts = new Map<string, string>();
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    warnings.push({ line: valid.err.line, message: `contacts.xml is not well-formed XML: ${valid.err.msg}` });
    return { contacts, warnings };
  }
  const doc = parser.parse(text) as { contacts?: { contact?: unknown[] } | string };
  const list = typeof doc.contacts === 'object' ? (doc.contacts.contact ?? []) : [];
  if (doc.contacts === undefined)
    warnings.push({ line: 0, message: 'contacts.xml has no <contacts> element' });
  list.forEach((entry, index) => {
    const attrs = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const id = typeof attrs.id === 'string' ? normalizeContactId(attrs.id) : null;
    const name = typeof attrs.name === 'string' ? attrs.name.trim() : '';
    if (!id) warnings.push({ line: 0, message: `contact #${index + 1} has no valid id` });
    else if (name === '') warnings.push({ line: 0, message: `contact ${id} has no name` });
    else contacts.set(id, name);
  });
  return { contacts, warnings };
}

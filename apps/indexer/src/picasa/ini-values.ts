import { clip, decodeRect64, normalizeContactId } from './rect64.js';
import type { PicasaFace } from './types.js';

/** Reports a problem on the current line. */
export type Warn = (message: string) => void;

const faceItem = /^rect64\(([^)]*)\)\s*,\s*(.*)$/;

/**
 * Parses a `faces=` value: `rect64(<hex>),<contact id>` items separated by `;`. Empty items are
 * skipped; a bad item is reported and the others are still returned.
 */
export function parseFacesValue(value: string, line: number, warn: Warn): PicasaFace[] {
  const faces: PicasaFace[] = [];
  for (const raw of value.split(';')) {
    const item = raw.trim();
    if (item === '') continue;
    const match = faceItem.exec(item);
    if (!match) {
      warn(`faces entry "${clip(item)}" is not rect64(<hex>),<contact id>`);
      continue;
    }
    const decoded = decodeRect64((match[1] ?? '').trim());
    if ('error' in decoded) {
      warn(`faces entry: ${decoded.error}`);
      continue;
    }
    const contactId = normalizeContactId(match[2] ?? '');
    if (!contactId) {
      warn(`faces entry has a bad contact id "${clip(match[2] ?? '')}" (want 1–16 hex digits)`);
      continue;
    }
    faces.push({ rect: decoded.rect, contactId, line });
  }
  return faces;
}

/** Parses `albums=<token>[,<token>]…` into the tokens (lowercase, empties skipped). */
export function parseAlbumsValue(value: string, warn: Warn): string[] {
  const tokens: string[] = [];
  for (const raw of value.split(',')) {
    const token = raw.trim().toLowerCase();
    if (token === '') continue;
    if (!/^[0-9a-z]+$/.test(token)) {
      warn(`albums token "${clip(token)}" is not an album token`);
      continue;
    }
    tokens.push(token);
  }
  return tokens;
}

/** Parses `rotate=rotate(n)`, n = 0–3 quarter turns; null (with a warning) otherwise. */
export function parseRotateValue(value: string, warn: Warn): number | null {
  const match = /^rotate\(([0-3])\)$/.exec(value.trim());
  if (!match) {
    warn(`rotate value "${clip(value)}" is not rotate(0–3)`);
    return null;
  }
  return Number(match[1]);
}

/** Parses a `[Contacts2]` value `<name>;;…`: the text before the first `;`, or null when empty. */
export function parseContactName(value: string): string | null {
  const name = (value.split(';')[0] ?? '').trim();
  return name === '' ? null : name;
}

/** True when a section name can be a file in the ini's own folder (no path parts, no control chars). */
export function isPlainFileName(name: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  return name !== '.' && name !== '..' && !/[/\\\u0000-\u001f]/.test(name);
}

import type { PicasaRect } from './types.js';

export type Rect64Result = { rect: PicasaRect } | { error: string };

/**
 * Decodes Picasa's `rect64` hex: one 64-bit number written without leading zeros. Left-padded to
 * 16 digits it is four 16-bit fields — left, top, right, bottom — each a fraction ×65535 of the image.
 * Rejects empty, non-hex or over-long values and inverted or empty rectangles.
 */
export function decodeRect64(hex: string): Rect64Result {
  if (hex.length === 0) return { error: 'rect64 is empty' };
  if (!/^[0-9a-fA-F]+$/.test(hex)) return { error: `rect64 "${clip(hex)}" is not hexadecimal` };
  if (hex.length > 16) return { error: `rect64 "${clip(hex)}" has more than 16 hex digits` };
  const padded = hex.padStart(16, '0');
  const [left, top, right, bottom] = [0, 4, 8, 12].map(
    (at) => Number.parseInt(padded.slice(at, at + 4), 16) / 65535,
  );
  const rect = { left: left ?? 0, top: top ?? 0, right: right ?? 0, bottom: bottom ?? 0 };
  if (rect.right <= rect.left || rect.bottom <= rect.top) {
    return {
      error: `rect64 "${hex}" is inverted or empty (left ${fmt(rect.left)}, top ${fmt(rect.top)}, right ${fmt(rect.right)}, bottom ${fmt(rect.bottom)})`,
    };
  }
  return { rect };
}

/** Left-pads a 1–16 digit hex contact id to the 16 lowercase digits used as a join key; null if invalid. */
export function normalizeContactId(id: string): string | null {
  const trimmed = id.trim();
  if (!/^[0-9a-fA-F]{1,16}$/.test(trimmed)) return null;
  return trimmed.toLowerCase().padStart(16, '0');
}

/** Shortens a value for a warning message. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function fmt(n: number): string {
  return n.toFixed(3);
}

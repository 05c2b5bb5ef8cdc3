import { decodeGlobalID } from '@pothos/plugin-relay';
import { InvalidInputError } from './domain/errors.js';

const HASH = /^[0-9a-f]{64}$/;

/**
 * Reads an ID argument: a Relay global id of `typename` (as returned in `id` fields), or, for scripts,
 * the plain key (a number for people/faces/albums/clusters/runs, the SHA-256 hex for photos).
 */
export function parseId(value: string | number, typename: string): string {
  const text = String(value);
  if (/^\d+$/.test(text) || HASH.test(text)) return text;
  try {
    const decoded = decodeGlobalID(text);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // fall through to the error below
  }
  throw new InvalidInputError(`"${text}" is not a ${typename} id`);
}

export function parseNumericId(value: string | number, typename: string): number {
  const id = parseId(value, typename);
  if (!/^\d+$/.test(id)) throw new InvalidInputError(`"${value}" is not a ${typename} id`);
  return Number(id);
}

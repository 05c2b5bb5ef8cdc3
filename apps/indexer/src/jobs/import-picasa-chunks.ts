/** Rows per multi-row INSERT or ids per IN (…): well under SQLite's bound-parameter limit. */
export const CHUNK_SIZE = 500;

/** Splits `items` into consecutive chunks of at most `size` (for batched SQL). */
export function chunked<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

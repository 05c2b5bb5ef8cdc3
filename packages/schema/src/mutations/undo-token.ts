import { UndoError } from '../domain/errors.js';

/** Undo tokens name the edit-history row of a merge, opaquely. */
export function undoTokenFor(editId: number): string {
  return Buffer.from(`merge:${editId}`).toString('base64url');
}

export function editIdFromUndoToken(token: string): number {
  const match = /^merge:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw new UndoError('unknown undo token');
  return Number(match[1]);
}

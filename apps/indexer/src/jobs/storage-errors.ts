/**
 * Errors that mean the database cannot be written right now (disk full, I/O error, read-only, damaged, locked
 * by another program past the busy timeout), not that one photo is bad: a run must stop on them instead of
 * recording photos as failed.
 */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CORRUPT|NOTADB|CANTOPEN|BUSY|LOCKED)/;

export function isStorageError(error: unknown): boolean {
  return storageCause(error) !== undefined;
}

/** The SQLite (or file system) error itself, also when wrapped (Drizzle puts it in `cause`). */
function storageCause(error: unknown): (Error & { code: string }) | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | null, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && (STORAGE_CODES.test(e.code) || e.code === 'ENOSPC'))
      return e as Error & { code: string };
    e = e.cause as typeof e;
  }
  return undefined;
}

/** The message a person reads when a run stops on a storage error. */
export function describeStorageError(error: unknown, databasePath: string): string {
  const cause = storageCause(error);
  const code = cause?.code ?? '';
  const message = cause?.message ?? (error as Error).message;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC')
    return `the disk holding ${databasePath} is full (${message}); free some space and run "kindred index" again — everything committed so far is kept`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return `${databasePath} stayed locked by another program (${message}); run "kindred index" again — everything committed so far is kept`;
  return `cannot write ${databasePath} (${code}: ${message}); check the disk, then run "kindred doctor"`;
}

/** The message of a failed run: the storage explanation, else the innermost cause (not Drizzle's SQL text). */
export function failureMessage(error: unknown, databasePath: string): string {
  if (isStorageError(error)) return describeStorageError(error, databasePath);
  let inner = error as { message?: string; cause?: unknown };
  for (let depth = 0; inner.cause instanceof Error && depth < 5; depth++) inner = inner.cause;
  return inner.message ?? String(error);
}

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { KIND_HEAD_BYTES } from './kind.js';

export interface HashedFile {
  status: 'done';
  hash: string;
  size: number;
  mtimeMs: number;
  inode: number;
  /** The file's first bytes, for `detectKind`. */
  head: Uint8Array;
}
export interface FailedFile {
  status: 'failed';
  reason: string;
}
export type HashResult = HashedFile | FailedFile;

/** Read buffer size: large reads keep the per-call overhead far below the hashing cost. */
export const READ_BUFFER_BYTES = 1024 * 1024;

/** Turns an fs error into a sentence a person can act on. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'file vanished before it could be read';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'EIO':
      return 'input/output error (failing disk?)';
    default:
      return (error as Error).message ?? String(error);
  }
}

/**
 * SHA-256 of a file, read synchronously in large chunks (call it from a worker thread).
 * Size, mtime and inode come from the open descriptor, so they describe the bytes that were hashed.
 */
export function hashFileSync(
  path: string,
  buffer: Buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES),
): HashResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { status: 'failed', reason: describeFsError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { status: 'failed', reason: 'not a regular file' };
    const hash = createHash('sha256');
    let head: Uint8Array | null = null;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      if (!head) head = Uint8Array.from(buffer.subarray(0, Math.min(read, KIND_HEAD_BYTES)));
      hash.update(buffer.subarray(0, read));
    }
    return {
      status: 'done',
      hash: hash.digest('hex'),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      inode: stat.ino,
      head: head ?? new Uint8Array(0),
    };
  } catch (error) {
    return { status: 'failed', reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

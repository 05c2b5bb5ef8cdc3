import { createHash, hash as hashOnce } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type ContentKind, detectKind, KIND_HEAD_BYTES } from './kind.js';

export interface HashedFile {
  status: 'done';
  hash: string;
  size: number;
  mtimeMs: number;
  inode: number;
  /** Image, video or other, from the file's first bytes (`detectKind`). */
  kind: ContentKind;
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
    const first = readSync(fd, buffer, 0, buffer.length, null);
    const kind = detectKind(buffer.subarray(0, Math.min(first, KIND_HEAD_BYTES)), path);
    const done = (hash: string): HashedFile => ({
      status: 'done',
      hash,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      inode: stat.ino,
      kind,
    });
    // Most files of a photo library's other kinds are small: one read, one-shot digest.
    if (first === stat.size && first < buffer.length)
      return done(hashOnce('sha256', buffer.subarray(0, first), 'hex'));
    const hash = createHash('sha256');
    for (let read = first; read > 0; read = readSync(fd, buffer, 0, buffer.length, null)) {
      hash.update(buffer.subarray(0, read));
    }
    return done(hash.digest('hex'));
  } catch (error) {
    return { status: 'failed', reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

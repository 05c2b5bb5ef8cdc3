import { constants } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces (or creates) `path` with `bytes` atomically: a hidden temporary file in the same folder
 * (the inventory skips dot files), flushed to disk, then renamed over the original. Readers see the old
 * file or the new one, never half of it. The original's permission bits are kept. `check` runs on the
 * temporary file before the rename; when it throws, the original is untouched.
 */
export async function replaceFileAtomically(
  path: string,
  bytes: Uint8Array,
  check?: (tempPath: string) => Promise<void>,
): Promise<void> {
  const mode = await stat(path).then(
    (s) => s.mode & 0o7777,
    () => 0o644,
  );
  const temp = join(dirname(path), `.${basename(path)}.kindred-${process.pid}.tmp`);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await check?.(temp);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  // The rename itself reaches the disk with the folder's metadata (best effort: not every system allows it).
  const folder = await open(dirname(path), 'r').catch(() => null);
  await folder
    ?.sync()
    .catch(() => undefined)
    .finally(() => folder.close());
}

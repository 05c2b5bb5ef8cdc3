import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real small filesystem for disk-full tests: a tmpfs mounted on `dir` (needs root with CAP_SYS_ADMIN, as in
 * our CI container). Returns null where mounting is not permitted; the caller then simulates a full disk with
 * `KINDRED_TEST_MAX_DB_PAGES` (SQLite's max_page_count), which fails with the same SQLITE_FULL.
 */
export interface SmallDisk {
  path: string;
  /** Writes a filler file leaving about `bytes` free; returns a function that deletes it (space again). */
  fillLeaving(bytes: number): () => void;
  unmount(): void;
}

export function mountSmallDisk(dir: string, sizeBytes: number): SmallDisk | null {
  if (process.getuid?.() !== 0) return null;
  mkdirSync(dir, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (mounted.status !== 0) return null;
  return {
    path: dir,
    fillLeaving(bytes) {
      const filler = join(dir, 'filler');
      const { bavail, bsize } = statfsSync(dir);
      writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - bytes)));
      return () => rmSync(filler, { force: true });
    },
    unmount() {
      spawnSync('umount', ['-l', dir]);
    },
  };
}

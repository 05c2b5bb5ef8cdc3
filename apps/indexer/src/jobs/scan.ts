import { type Dirent, readdirSync, type Stats, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { isExcludedFile, isExcludedFolder } from './exclusions.js';
import { describeFsError } from './hash-file.js';

export interface ScannedFile {
  path: string;
  size: number;
  mtimeMs: number;
  inode: number;
}

/** A problem with one path. `subtree` is true when a folder could not be read: nothing below it is judged removed. */
export interface ScanProblem {
  path: string;
  error: string;
  subtree: boolean;
}

export interface ScannedFolder {
  files: ScannedFile[];
  problems: ScanProblem[];
}

export interface ScanOptions {
  /** Absolute paths never recorded (the database and its companions). */
  skipPaths: ReadonlySet<string>;
  /** Stops the walk early (Ctrl-C). */
  signal?: AbortSignal;
  /** The `exclude` setting (jobs/exclude-patterns.ts): true leaves a file or folder out. */
  exclude?: (path: string, root: string) => boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(name: Buffer): string | null {
  try {
    return utf8.decode(name);
  } catch {
    return null;
  }
}

function specialKind(entry: Dirent<Buffer> | Stats): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Walks one root folder and yields, folder by folder, the regular files found (with size, mtime, inode)
 * and the problems met. Symbolic links are followed, but each folder (by device:inode) is walked once, so
 * link loops end. Each folder is read synchronously (fast for cached metadata), then the event loop gets a turn.
 */
export async function* scanRoot(root: string, options: ScanOptions): AsyncGenerator<ScannedFolder> {
  const visited = new Set<string>();
  const rootStat = statSync(root);
  visited.add(`${rootStat.dev}:${rootStat.ino}`);
  const stack = [root];
  while (stack.length > 0) {
    if (options.signal?.aborted) return;
    const dir = stack.pop() as string;
    const folder: ScannedFolder = { files: [], problems: [] };
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      folder.problems.push({
        path: dir,
        error: `cannot read folder: ${describeFsError(error)}`,
        subtree: true,
      });
      yield folder;
      continue;
    }
    for (const entry of entries) {
      const name = decodeName(entry.name);
      if (name === null) {
        const shown = join(dir, entry.name.toString('latin1'));
        folder.problems.push({
          path: shown,
          error: 'name is not valid UTF-8; rename it to index it',
          subtree: false,
        });
        continue;
      }
      const path = `${dir}${sep}${name}`;
      if (options.exclude?.(path, root)) continue;
      if (entry.isDirectory()) {
        if (!isExcludedFolder(name)) pushFolder(path, visited, stack, folder);
        continue;
      }
      if (entry.isFile()) {
        if (!isExcludedFile(name) && !options.skipPaths.has(path)) recordFile(path, folder);
        continue;
      }
      if (entry.isSymbolicLink()) {
        if (!isExcludedFile(name) && !options.skipPaths.has(path))
          followLink(path, name, visited, stack, folder);
        continue;
      }
      if (!isExcludedFile(name))
        folder.problems.push({ path, error: `${specialKind(entry)}; skipped`, subtree: false });
    }
    yield folder;
    await yieldToLoop();
  }
}

function pushFolder(
  path: string,
  visited: Set<string>,
  stack: string[],
  folder: ScannedFolder,
  stat?: Stats,
): void {
  let s = stat;
  try {
    s ??= statSync(path);
  } catch (error) {
    folder.problems.push({ path, error: `cannot read folder: ${describeFsError(error)}`, subtree: true });
    return;
  }
  const key = `${s.dev}:${s.ino}`;
  if (visited.has(key)) return;
  visited.add(key);
  stack.push(path);
}

function recordFile(path: string, folder: ScannedFolder, stat?: Stats): void {
  try {
    const s = stat ?? statSync(path);
    folder.files.push({ path, size: s.size, mtimeMs: s.mtimeMs, inode: s.ino });
  } catch (error) {
    // A file that vanished between listing and stat is simply not there any more.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      folder.problems.push({ path, error: describeFsError(error), subtree: false });
    }
  }
}

function followLink(
  path: string,
  name: string,
  visited: Set<string>,
  stack: string[],
  folder: ScannedFolder,
): void {
  let target: Stats;
  try {
    target = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'broken symbolic link (its target does not exist)'
        : code === 'ELOOP'
          ? 'symbolic link loop'
          : describeFsError(error);
    folder.problems.push({ path, error: why, subtree: false });
    return;
  }
  if (target.isDirectory()) {
    if (!isExcludedFolder(name)) pushFolder(path, visited, stack, folder, target);
  } else if (target.isFile()) {
    recordFile(path, folder, target);
  } else {
    folder.problems.push({ path, error: `symbolic link to ${specialKind(target)}; skipped`, subtree: false });
  }
}

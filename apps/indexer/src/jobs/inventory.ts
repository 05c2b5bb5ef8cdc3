import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import type { KindredDb } from '@kindred/db';
import { type ContentStep, type NewContent, StepRunner } from './content-steps.js';
import type { HashResult } from './hash-file.js';
import { HashPool } from './hash-pool.js';
import { type FileRecord, InventoryStore, type KnownFile } from './inventory-store.js';
import { type InventoryWriter, inventoryWriter } from './inventory-writer.js';
import type { RunReport } from './report.js';
import type { RootRow } from './roots.js';
import { type ScannedFile, scanRoot } from './scan.js';

export interface ProgressState {
  seen: number;
  hashed: number;
  bytesQueued: number;
  bytesHashed: number;
}

export interface InventoryOptions {
  db: KindredDb;
  runId: number;
  roots: RootRow[];
  /** The database file: it and its -wal/-shm/-journal companions are never indexed. */
  databasePath: string;
  hashWorkers: number;
  batchFiles: number;
  batchMs: number;
  steps: ContentStep[];
  report: RunReport;
  onProgress?: (state: ProgressState) => void;
  signal?: AbortSignal;
  /** The `exclude` setting, compiled (jobs/exclude-patterns.ts). */
  exclude?: (path: string, root: string) => boolean;
}

/** Paths of the database and its companions, as given and with symbolic links resolved. */
export function databaseSkipPaths(databasePath: string): Set<string> {
  const spellings = [databasePath];
  try {
    spellings.push(join(realpathSync(dirname(databasePath)), basename(databasePath)));
  } catch {
    // folder does not exist yet: nothing to skip under another spelling
  }
  return new Set(
    spellings.flatMap((path) => ['', '-wal', '-shm', '-journal'].map((suffix) => path + suffix)),
  );
}

/** A value computed on first use. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string | number | null): Map<string | number, T[]> {
  const groups = new Map<string | number, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * One mark-and-sweep inventory of the roots. Mark: walk every root; unchanged files (same path, size, mtime,
 * inode) are not read; new and changed files are hashed on worker threads and committed in batches.
 * Sweep (only after a complete walk): files of walked roots not seen become 'removed', except under folders
 * that could not be read. A new path whose content left another path is "moved"; if the old path is still
 * there it is a copy (new, and a duplicate). Returns false when the run was stopped before the sweep.
 */
export async function runInventory(options: InventoryOptions): Promise<boolean> {
  const { report } = options;
  const counts = report.files;
  const store = new InventoryStore(options.db, options.runId);
  store.restoreFileIndexes(); // a first index killed mid-load left them dropped
  const known = new Map(
    store.loadPresent(options.roots.map((root) => root.id)).map((file) => [file.path, file]),
  );
  // Indexes over the known files, built on first use: an unchanged re-index never needs them.
  const startFiles = [...known.values()];
  const knownByHash = lazy(() => groupBy(startFiles, (file) => file.contentHash));
  const knownByInode = lazy(() => groupBy(startFiles, (file) => file.inode));
  const arrivals: FileRecord[] = [];
  const failedFolders: string[] = [];
  const walkedRoots = new Set<number>();
  const progress: ProgressState = { seen: 0, hashed: 0, bytesQueued: 0, bytesHashed: 0 };
  const skipPaths = databaseSkipPaths(options.databasePath);
  const steps = new StepRunner(options.steps, {
    db: options.db,
    runId: options.runId,
    error: (path, error) => report.error(path, error),
  });
  // A first index loads every row: the secondary indexes of `files` are built once at the end instead. Not
  // while steps run during the walk: they look files up by content.
  const bulkLoad = options.steps.length === 0 && store.beginBulkLoadIfEmpty();
  const writer = inventoryWriter(options.db, options.runId);
  let committed: NewContent[] = [];
  let lastFlush = performance.now();
  let failure: unknown; // a batch that could not be committed (disk full…) stops the walk
  /** Settles when every batch sent so far is committed (batches commit in order). */
  let written: Promise<void> = Promise.resolve();
  const flush = () => {
    lastFlush = performance.now();
    written = writer.flush().then(
      (fresh) => {
        if (steps.active) committed.push(...fresh);
      },
      (error: unknown) => {
        failure ??= error;
      },
    );
  };
  /** Sends the open batch and waits for every batch to be committed; throws what made one fail. */
  const flushAndWait = async () => {
    flush();
    await written;
    if (failure) throw failure;
  };
  const maybeFlush = () => {
    if (writer.pending >= options.batchFiles || performance.now() - lastFlush >= options.batchMs) flush();
  };
  const timer = setInterval(() => {
    if (writer.pending > 0 && !failure) flush();
  }, options.batchMs);
  timer.unref();

  const record = (entry: FileRecord, before: KnownFile | undefined) => {
    if (before) {
      if (before.contentHash === entry.hash) counts.unchanged++;
      else counts.changed++;
    } else if (knownByHash().has(entry.hash)) {
      arrivals.push(entry); // moved or copied: decided after the walk
    } else {
      counts.new++;
    }
    writer.add(entry);
    maybeFlush();
  };

  const onHashed = (rootId: number, file: ScannedFile, before: KnownFile | undefined, result: HashResult) => {
    if (result.status === 'failed') {
      report.error(file.path, result.reason);
      return;
    }
    progress.hashed++;
    progress.bytesHashed += result.size;
    report.filesHashed++;
    report.bytesHashed += result.size;
    const { hash, size, mtimeMs, inode, kind } = result;
    record({ rootId, path: file.path, hash, size, mtimeMs, inode, kind }, before);
    options.onProgress?.(progress);
  };

  /** A file renamed on the same disk keeps inode, size and mtime: reuse the hash instead of reading it again. */
  const renamedFrom = (file: ScannedFile): KnownFile | undefined =>
    knownByInode()
      .get(file.inode)
      ?.find((k) => k.contentHash && k.size === file.size && k.mtimeMs === file.mtimeMs);

  const hashPool: { started: HashPool | null } = { started: null };
  const pool = () => (hashPool.started ??= new HashPool(options.hashWorkers)); // no threads for an unchanged re-index
  const hashing = new Set<Promise<void>>();
  try {
    for (const root of options.roots) {
      if (!existsSync(root.path)) {
        report.error(
          root.path,
          'root folder is missing (unplugged drive?); its files were left as they were',
        );
        continue;
      }
      for await (const folder of scanRoot(root.path, {
        skipPaths,
        signal: options.signal,
        exclude: options.exclude,
      })) {
        for (const problem of folder.problems) {
          report.error(problem.path, problem.error);
          if (problem.subtree) failedFolders.push(problem.path + sep);
        }
        for (const file of folder.files) {
          counts.seen++;
          progress.seen++;
          const before = known.get(file.path);
          if (before) known.delete(file.path);
          if (
            before?.contentHash &&
            before.size === file.size &&
            before.mtimeMs === file.mtimeMs &&
            before.inode === file.inode
          ) {
            counts.unchanged++;
            continue;
          }
          const twin = before ? undefined : renamedFrom(file);
          if (twin?.contentHash) {
            const kind = store.kindOf(twin.contentHash);
            record({ rootId: root.id, ...file, hash: twin.contentHash, kind }, undefined);
            continue;
          }
          progress.bytesQueued += file.size;
          const { done } = await pool().submit(file.path, file.size);
          const task = done
            .then((result) => onHashed(root.id, file, before, result))
            .catch((error: unknown) => {
              failure ??= error;
            });
          hashing.add(task);
          void task.finally(() => hashing.delete(task));
        }
        if (failure) throw failure;
        maybeFlush();
        if (writer.inFlight > 2) await written; // the writer thread sets the pace when it falls behind
        options.onProgress?.(progress);
        if (committed.length > 0) {
          const batch = committed;
          committed = [];
          await steps.offer(batch);
        }
      }
      if (!options.signal?.aborted) walkedRoots.add(root.id);
    }
    await Promise.all(hashing);
    if (failure) throw failure;
    if (options.signal?.aborted) {
      await flushAndWait();
      return false;
    }
    sweep([...known.values()], walkedRoots, failedFolders, arrivals, writer, counts);
    await flushAndWait();
    if (bulkLoad) store.restoreFileIndexes();
    store.markRootsIndexed([...walkedRoots]);
    counts.duplicates = store.countDuplicateContents();
    await steps.offer(committed);
    for (const [name, section] of await steps.finish()) report.section(name, section);
    return true;
  } finally {
    clearInterval(timer);
    await Promise.allSettled(hashing);
    await hashPool.started?.close();
    await written;
    await writer.close();
    if (bulkLoad) restoreQuietly(store);
  }
}

/** After a failed or stopped bulk load: builds the indexes now if it can, else the next run will. */
function restoreQuietly(store: InventoryStore): void {
  try {
    store.restoreFileIndexes();
  } catch {
    // The disk is full or the database locked: the next run restores them first.
  }
}

function sweep(
  unseenKnown: KnownFile[],
  walkedRoots: Set<number>,
  failedFolders: string[],
  arrivals: FileRecord[],
  writer: InventoryWriter,
  counts: RunReport['files'],
): void {
  const gone = unseenKnown.filter(
    (file) => walkedRoots.has(file.rootId) && !failedFolders.some((folder) => file.path.startsWith(folder)),
  );
  const goneByHash = groupBy(gone, (file) => file.contentHash);
  for (const arrival of arrivals) {
    const source = goneByHash.get(arrival.hash)?.pop();
    if (source) counts.moved++;
    else counts.new++;
  }
  counts.removed += gone.length - counts.moved;
  for (const file of gone) writer.remove(file.id);
}

import { dropIndexesForBulkLoad, files, type KindredDb, restoreIndexes } from '@kindred/db';
import type { NewContent } from './content-steps.js';
import type { ContentKind } from './kind.js';

/** A present file as the database knew it when the run started. */
export interface KnownFile {
  id: number;
  rootId: number;
  path: string;
  size: number;
  mtimeMs: number;
  inode: number;
  contentHash: string | null;
}

export interface FileRecord {
  rootId: number;
  path: string;
  hash: string;
  size: number;
  mtimeMs: number;
  inode: number;
  kind: ContentKind;
}

/** SQLite page cache for the inventory's connection, in KiB (SQLite's default is 2 MiB). */
const INVENTORY_CACHE_KIB = 64 * 1024;

/**
 * The inventory's database writes, batched: records queue up and `flush()` commits them in one transaction,
 * so a killed run loses at most the open batch and a re-run finds everything before it committed.
 */
export class InventoryStore {
  readonly #sqlite: KindredDb['$client'];
  readonly #runId: number;
  #records: FileRecord[] = [];
  #removals: number[] = [];
  readonly #insertContent;
  readonly #upsertFile;
  readonly #removeFile;

  constructor(db: KindredDb, runId: number) {
    this.#sqlite = db.$client;
    // The first index inserts into indexes keyed by path and by hash; a larger page cache keeps them in memory.
    this.#sqlite.pragma(`cache_size = -${INVENTORY_CACHE_KIB}`);
    this.#runId = runId;
    this.#insertContent = this.#sqlite.prepare(
      'INSERT INTO contents (hash, size, kind, first_seen_run) VALUES (?, ?, ?, ?) ON CONFLICT(hash) DO NOTHING',
    );
    this.#upsertFile = this.#sqlite.prepare(
      `INSERT INTO files (root_id, path, content_hash, size, mtime_ms, inode, status, first_seen_run, last_seen_run)
       VALUES (?, ?, ?, ?, ?, ?, 'present', ?, ?)
       ON CONFLICT(path) DO UPDATE SET root_id = excluded.root_id, content_hash = excluded.content_hash,
         size = excluded.size, mtime_ms = excluded.mtime_ms, inode = excluded.inode, status = 'present',
         last_seen_run = excluded.last_seen_run, removed_run = NULL`,
    );
    this.#removeFile = this.#sqlite.prepare(
      `UPDATE files SET status = 'removed', removed_run = ? WHERE id = ? AND status = 'present'`,
    );
  }

  loadPresent(rootIds: number[]): KnownFile[] {
    const query = this.#sqlite
      .prepare(
        `SELECT id, root_id, path, size, mtime_ms, inode, content_hash FROM files
         WHERE root_id = ? AND status = 'present'`,
      )
      .raw();
    const known: KnownFile[] = [];
    for (const rootId of rootIds) {
      for (const row of query.iterate(rootId) as Iterable<
        [number, number, string, number, number, number, string | null]
      >) {
        known.push({
          id: row[0],
          rootId: row[1],
          path: row[2],
          size: row[3],
          mtimeMs: row[4],
          inode: row[5],
          contentHash: row[6],
        });
      }
    }
    return known;
  }

  get pending(): number {
    return this.#records.length + this.#removals.length;
  }

  add(record: FileRecord): void {
    this.#records.push(record);
  }

  remove(fileId: number): void {
    this.#removals.push(fileId);
  }

  /** Commits the queued records; returns the contents that were new to the database. */
  flush(): NewContent[] {
    if (this.pending === 0) return [];
    // In hash order, consecutive inserts land on neighbouring pages of the two indexes keyed by hash.
    const records = this.#records.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    const removals = this.#removals;
    this.#records = [];
    this.#removals = [];
    const commit = this.#sqlite.transaction(() => {
      const fresh: NewContent[] = [];
      for (const r of records) {
        if (this.#insertContent.run(r.hash, r.size, r.kind, this.#runId).changes > 0) {
          fresh.push({ hash: r.hash, kind: r.kind, size: r.size, path: r.path });
        }
        this.#upsertFile.run(r.rootId, r.path, r.hash, r.size, r.mtimeMs, r.inode, this.#runId, this.#runId);
      }
      for (const id of removals) this.#removeFile.run(this.#runId, id);
      return fresh;
    });
    return commit.immediate();
  }

  /**
   * On a first index (no file known at all), drops the secondary indexes of `files` so the load pays for
   * the table and its path index only; `restoreFileIndexes` then builds them once. Returns whether it did.
   * On 100,000 small files this took about a tenth off the first index.
   */
  beginBulkLoadIfEmpty(): boolean {
    if (this.#sqlite.prepare('SELECT 1 FROM files LIMIT 1').get()) return false;
    return dropIndexesForBulkLoad(this.#sqlite, files).length > 0;
  }

  /** Builds the secondary indexes of `files` that are missing (after a bulk load, or one a killed run left). */
  restoreFileIndexes(): string[] {
    return restoreIndexes(this.#sqlite, files);
  }

  kindOf(hash: string): ContentKind {
    const row = this.#sqlite.prepare('SELECT kind FROM contents WHERE hash = ?').get(hash) as
      | { kind: ContentKind }
      | undefined;
    return row?.kind ?? 'other';
  }

  /**
   * Records that the roots were walked completely by this run. Unchanged files are not written at all (that
   * would rewrite every row of the table each night): their `last_seen_run` stays at the run that last
   * changed them, and `roots.last_indexed_run` says that every present file of the root was seen.
   */
  markRootsIndexed(rootIds: number[]): void {
    const mark = this.#sqlite.prepare('UPDATE roots SET last_indexed_run = ? WHERE id = ?');
    this.#sqlite.transaction(() => {
      for (const id of rootIds) mark.run(this.#runId, id);
    })();
  }

  /** Contents present at two or more paths, across all roots. */
  countDuplicateContents(): number {
    const row = this.#sqlite
      .prepare(
        `SELECT COUNT(*) AS n FROM (SELECT content_hash FROM files WHERE status = 'present' AND content_hash IS NOT NULL
         GROUP BY content_hash HAVING COUNT(*) > 1)`,
      )
      .get() as { n: number };
    return row.n;
  }
}

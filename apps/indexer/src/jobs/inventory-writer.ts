import { Worker } from 'node:worker_threads';
import type { KindredDb } from '@kindred/db';
import type { NewContent } from './content-steps.js';
import { type FileRecord, InventoryStore } from './inventory-store.js';

/** What the writer thread is sent: one batch to commit. */
export interface WriteBatch {
  records: FileRecord[];
  removals: number[];
}

/** What it answers, per batch, in order. */
export type WriteResult =
  | { fresh: NewContent[] }
  | { error: { message: string; code?: string; name: string } };

/** The inventory's batched writes: `flush()` commits what was added since the last one. */
export interface InventoryWriter {
  add(record: FileRecord): void;
  remove(fileId: number): void;
  readonly pending: number;
  /** Batches sent and not committed yet. */
  readonly inFlight: number;
  /** Commits the queued records; resolves with the contents that were new to the database. */
  flush(): Promise<NewContent[]>;
  close(): Promise<void>;
}

/**
 * Commits on the walking thread, on the run's own connection (an in-memory database, which another
 * connection cannot see).
 */
class InlineWriter implements InventoryWriter {
  readonly #store: InventoryStore;
  constructor(db: KindredDb, runId: number) {
    this.#store = new InventoryStore(db, runId);
  }
  add(record: FileRecord): void {
    this.#store.add(record);
  }
  remove(fileId: number): void {
    this.#store.remove(fileId);
  }
  get pending(): number {
    return this.#store.pending;
  }
  readonly inFlight = 0;
  async flush(): Promise<NewContent[]> {
    return this.#store.flush();
  }
  async close(): Promise<void> {}
}

/**
 * Commits on a worker thread with a second connection to the same file, so the walking thread goes on
 * listing and dispatching files while a batch is written (on a first index of many small files, writing
 * the rows costs as much as reading and hashing them). Batches commit in order, each in one transaction,
 * so a killed run still loses at most the batches not yet committed.
 */
class ThreadWriter implements InventoryWriter {
  readonly #worker: Worker;
  #records: FileRecord[] = [];
  #removals: number[] = [];
  readonly #waiting: { resolve: (fresh: NewContent[]) => void; reject: (error: Error) => void }[] = [];
  #failure: Error | undefined;
  #closing = false;

  constructor(databasePath: string, runId: number, maxPageCount: number) {
    this.#worker = new Worker(new URL('./inventory-writer-worker.js', import.meta.url), {
      workerData: { databasePath, runId, maxPageCount },
    });
    this.#worker.on('message', (result: WriteResult) => {
      const waiter = this.#waiting.shift();
      if ('fresh' in result) waiter?.resolve(result.fresh);
      else waiter?.reject(Object.assign(new Error(result.error.message), result.error));
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => {
      if (!this.#closing) this.#fail(new Error(`the inventory writer thread stopped (exit code ${code})`));
    });
  }
  /** The thread died (it could not open the database, ran out of memory…): every flush fails from now on. */
  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
  }
  add(record: FileRecord): void {
    this.#records.push(record);
  }
  remove(fileId: number): void {
    this.#removals.push(fileId);
  }
  get pending(): number {
    return this.#records.length + this.#removals.length;
  }
  get inFlight(): number {
    return this.#waiting.length;
  }
  flush(): Promise<NewContent[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.pending === 0 && this.#waiting.length === 0) return Promise.resolve([]);
    const batch: WriteBatch = { records: this.#records, removals: this.#removals };
    this.#records = [];
    this.#removals = [];
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#worker.postMessage(batch);
    });
  }
  async close(): Promise<void> {
    this.#closing = true;
    await this.#worker.terminate();
  }
}

/** A writer for this run: on its own thread for a database file, inline otherwise. */
export function inventoryWriter(db: KindredDb, runId: number): InventoryWriter {
  const sqlite = db.$client;
  if (sqlite.memory || sqlite.name === '' || sqlite.name === ':memory:') return new InlineWriter(db, runId);
  const maxPageCount = sqlite.pragma('max_page_count', { simple: true }) as number;
  return new ThreadWriter(sqlite.name, runId, maxPageCount);
}

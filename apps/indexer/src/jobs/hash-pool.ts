import { Worker } from 'node:worker_threads';
import type { HashResult } from './hash-file.js';

interface Task {
  id: number;
  path: string;
  size: number;
  resolve: (result: HashResult) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  /** Files (and their bytes) sent to this worker and not answered yet. */
  inFlight: number;
  inFlightBytes: number;
}

/** Small files travel to a worker in batches (one message per batch, not per file). */
const BATCH_FILES = 32;
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Hashes files on worker threads, so several files are read and hashed at once while the main thread walks
 * folders and writes the database. `submit()` waits while `workers × depth` files are queued or in flight,
 * which is the back-pressure on the walk.
 */
export class HashPool {
  readonly #workers: PoolWorker[] = [];
  readonly #tasks = new Map<number, Task>();
  readonly #queue: Task[] = [];
  readonly #waiting: (() => void)[] = [];
  readonly #depth: number;
  #nextId = 1;
  #dispatchScheduled = false;

  constructor(workers: number, depth = 64) {
    this.#depth = depth;
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(new URL('./hash-worker.js', import.meta.url));
      const entry: PoolWorker = { worker, inFlight: 0, inFlightBytes: 0 };
      worker.on('message', (results: { id: number; result: HashResult }[]) => {
        entry.inFlight -= results.length;
        for (const { id, result } of results) {
          const task = this.#tasks.get(id);
          if (task) entry.inFlightBytes -= task.size;
          task?.resolve(result);
          this.#tasks.delete(id);
        }
        this.#dispatch();
        while (this.#waiting.length > 0 && this.#tasks.size < this.#capacity) this.#waiting.shift()?.();
      });
      worker.on('error', (error) => {
        for (const task of this.#tasks.values()) task.reject(error);
        this.#tasks.clear();
      });
      this.#workers.push(entry);
    }
  }

  get #capacity(): number {
    return this.#workers.length * this.#depth;
  }

  /** Resolves once the file is queued; `done` then resolves with its hash. */
  async submit(path: string, size: number): Promise<{ done: Promise<HashResult> }> {
    while (this.#tasks.size >= this.#capacity)
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    const id = this.#nextId++;
    const done = new Promise<HashResult>((resolve, reject) => {
      const task = { id, path, size, resolve, reject };
      this.#tasks.set(id, task);
      this.#queue.push(task);
    });
    if (!this.#dispatchScheduled) {
      this.#dispatchScheduled = true;
      setImmediate(() => {
        this.#dispatchScheduled = false;
        this.#dispatch();
      });
    }
    return { done };
  }

  /** Sends queued files to the least busy workers, a batch at a time, keeping two batches per worker. */
  #dispatch(): void {
    for (;;) {
      if (this.#queue.length === 0) return;
      const entry = this.#workers.reduce((best, w) => (w.inFlightBytes < best.inFlightBytes ? w : best));
      if (entry.inFlight >= 2 * BATCH_FILES || entry.inFlightBytes >= 2 * BATCH_BYTES) return;
      const batch: Task[] = [];
      let bytes = 0;
      while (
        this.#queue.length > 0 &&
        batch.length < BATCH_FILES &&
        (batch.length === 0 || bytes < BATCH_BYTES)
      ) {
        const task = this.#queue.shift() as Task;
        batch.push(task);
        bytes += task.size;
      }
      entry.inFlight += batch.length;
      entry.inFlightBytes += bytes;
      entry.worker.postMessage(batch.map((task) => ({ id: task.id, path: task.path })));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((entry) => entry.worker.terminate()));
  }
}

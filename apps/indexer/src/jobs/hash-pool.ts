import { Worker } from 'node:worker_threads';
import type { HashResult } from './hash-file.js';

interface Pending {
  resolve: (result: HashResult) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  inFlight: number;
}

/**
 * Hashes files on worker threads, so several files are read and hashed at once while the main thread
 * walks folders and writes the database. `hash()` waits for a free slot: at most `workers × depth` files
 * are in flight, which is the back-pressure on the walk.
 */
export class HashPool {
  readonly #workers: PoolWorker[] = [];
  readonly #pending = new Map<number, Pending>();
  readonly #waiting: (() => void)[] = [];
  readonly #depth: number;
  #nextId = 1;

  constructor(workers: number, depth = 4) {
    this.#depth = depth;
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(new URL('./hash-worker.js', import.meta.url));
      const entry: PoolWorker = { worker, inFlight: 0 };
      worker.on('message', (message: { id: number; result: HashResult }) => {
        entry.inFlight--;
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        pending?.resolve(message.result);
        this.#waiting.shift()?.();
      });
      worker.on('error', (error) => {
        for (const pending of this.#pending.values()) pending.reject(error);
        this.#pending.clear();
      });
      this.#workers.push(entry);
    }
  }

  #leastBusy(): PoolWorker | null {
    let best: PoolWorker | null = null;
    for (const entry of this.#workers) {
      if (entry.inFlight < this.#depth && (!best || entry.inFlight < best.inFlight)) best = entry;
    }
    return best;
  }

  /** Resolves once the file is queued on a worker; `done` then resolves with its hash. */
  async submit(path: string): Promise<{ done: Promise<HashResult> }> {
    let entry = this.#leastBusy();
    while (!entry) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
      entry = this.#leastBusy();
    }
    const id = this.#nextId++;
    entry.inFlight++;
    const result = new Promise<HashResult>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    entry.worker.postMessage({ id, path });
    return { done: result };
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((entry) => entry.worker.terminate()));
  }
}

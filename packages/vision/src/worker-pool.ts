import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { AnalyzedPhoto } from './analyze.js';
import type { BackendInfo } from './backend.js';
import { loadImage } from './load-image.js';
import { type Box, type DetectorName, ImageError } from './types.js';
import type { WorkerReply, WorkerTask } from './worker-protocol.js';

export interface VisionPoolOptions {
  /** Worker threads, each with its own tfjs and models. Default: number of CPU cores. */
  workers?: number;
  detector?: DetectorName;
  maxSide?: number;
  minScore?: number;
  /** A worker busy longer than this on one photo is terminated and replaced. Default 60 000 ms. */
  timeoutMs?: number;
}

export interface VisionPool {
  /** Decode (main thread, sharp) then detect + describe (a worker). Rejects with `ImageError` per photo. */
  analyze(input: string, opts?: { knownBoxes?: Box[] }): Promise<AnalyzedPhoto>;
  /** Photos that may be in flight at once without queueing behind the workers (2 per worker). */
  readonly capacity: number;
  /** Photos accepted by `analyze` and not yet settled. */
  readonly pending: number;
  /** Resolves when `pending < capacity`: await it before each `analyze` to stream with back-pressure. */
  whenReady(): Promise<void>;
  /** The backend the workers run on. */
  backend(): Promise<BackendInfo>;
  /** tfjs tensors alive in one (idle) worker: constant after warm-up when memory is flat. */
  tensorCount(): Promise<number>;
  /** Test hook: a worker hangs or crashes; the promise rejects like a real failure and the worker is replaced. */
  injectFault(fault: 'hang' | 'crash'): Promise<never>;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const WARM_UP_TIMEOUT_MS = 5 * 60_000;
type Success = Extract<WorkerReply, { ok: true }>;

export function createVisionPool(opts: VisionPoolOptions = {}): VisionPool {
  const workers = Math.max(1, opts.workers ?? availableParallelism());
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const piscina = new Piscina<WorkerTask, WorkerReply>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  const settings = {
    ...(opts.detector ? { detector: opts.detector } : {}),
    ...(opts.maxSide === undefined ? {} : { maxSide: opts.maxSide }),
    ...(opts.minScore === undefined ? {} : { minScore: opts.minScore }),
  };
  let pending = 0;
  let waiters: Array<() => void> = [];
  const capacity = workers * 2;

  // Tasks go to piscina only when a worker is free, so the timeout clock runs while the worker runs.
  let busy = 0;
  const idle: Array<() => void> = [];
  async function acquireWorker(): Promise<void> {
    while (busy >= workers) await new Promise<void>((resolve) => idle.push(resolve));
    busy++;
  }
  function releaseWorker(): void {
    busy--;
    idle.shift()?.();
  }

  function warmUp(): Promise<unknown> {
    const signal = AbortSignal.timeout(WARM_UP_TIMEOUT_MS);
    return piscina.run({ kind: 'backend' }, { signal }).catch(() => undefined);
  }

  // Every worker loads its models before taking its first photo (start-up time is not a photo's timeout).
  busy = workers;
  for (let i = 0; i < workers; i++) void warmUp().finally(releaseWorker);

  async function send(label: string, task: WorkerTask, transfer: ArrayBuffer[] = []): Promise<Success> {
    let reply: WorkerReply;
    let replaced = false;
    await acquireWorker();
    try {
      reply = await piscina.run(task, { signal: AbortSignal.timeout(timeoutMs), transferList: transfer });
    } catch (error) {
      replaced = true;
      if ((error as Error).name === 'AbortError') {
        throw new ImageError('timeout', `${label}: no result after ${timeoutMs} ms; worker replaced`);
      }
      throw new ImageError('worker-crashed', `${label}: worker died (${(error as Error).message}); replaced`);
    } finally {
      // The replacement worker loads its models before its slot is free again, so that start-up time never
      // counts against the next photo's timeout.
      if (replaced) void warmUp().finally(releaseWorker);
      else releaseWorker();
    }
    if (!reply.ok) throw new ImageError(reply.code, reply.message);
    return reply;
  }

  function settle(): void {
    pending--;
    if (pending < capacity) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  }

  let backendInfo: Promise<BackendInfo> | undefined;
  return {
    capacity,
    get pending() {
      return pending;
    },
    async analyze(input, analyzeOpts = {}) {
      pending++;
      try {
        const image = await loadImage(
          input,
          settings.maxSide === undefined ? {} : { maxSide: settings.maxSide },
        );
        const options = {
          ...settings,
          ...(analyzeOpts.knownBoxes ? { knownBoxes: analyzeOpts.knownBoxes } : {}),
        };
        const transfer = [image.pixels.buffer as ArrayBuffer];
        const reply = await send(input, { kind: 'analyze', image, options }, transfer);
        if (reply.kind !== 'analyze') throw new Error(`unexpected worker reply ${reply.kind}`);
        return reply.photo;
      } finally {
        settle();
      }
    },
    whenReady() {
      if (pending < capacity) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    backend() {
      backendInfo ??= send('backend', { kind: 'backend' }).then((reply) => {
        if (reply.kind !== 'backend') throw new Error(`unexpected worker reply ${reply.kind}`);
        return reply.info;
      });
      return backendInfo;
    },
    async tensorCount() {
      const reply = await send('stats', { kind: 'stats' });
      if (reply.kind !== 'stats') throw new Error(`unexpected worker reply ${reply.kind}`);
      return reply.numTensors;
    },
    async injectFault(fault) {
      await send(`fault:${fault}`, { kind: 'fault', fault });
      throw new Error('fault task returned');
    },
    close() {
      return piscina.close({ force: true });
    },
  };
}

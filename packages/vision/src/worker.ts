/**
 * Pool worker (piscina): one tfjs + models per worker thread, loaded on the first task. Receives an already
 * decoded image (the main thread decodes with sharp while workers run inference) and returns plain data;
 * errors come back as values so their `ImageError` code survives the thread boundary.
 */
import { analyzeImage } from './analyze.js';
import { backendInfo, faceApi, tfOf } from './backend.js';
import { ImageError } from './types.js';
import type { WorkerReply, WorkerTask } from './worker-protocol.js';

/**
 * Test hook for the indexer's end-to-end tests (docs/reliability.md): `KINDRED_TEST_VISION_HANG=WxH` makes a
 * worker spin forever on a photo of that upright size, as a pathological photo would, so a test can prove that
 * `kindred index` replaces the hung worker and goes on. Unset in normal use.
 */
function hangIfTestAsks(width: number, height: number): void {
  if (process.env.KINDRED_TEST_VISION_HANG === `${width}x${height}`) for (;;) {}
}

export default async function run(task: WorkerTask): Promise<WorkerReply> {
  try {
    switch (task.kind) {
      case 'analyze':
        hangIfTestAsks(task.image.width, task.image.height);
        return { ok: true, kind: 'analyze', photo: await analyzeImage(task.image, task.options) };
      case 'backend':
        return { ok: true, kind: 'backend', info: await backendInfo() };
      case 'stats':
        return { ok: true, kind: 'stats', numTensors: tfOf(await faceApi()).memory().numTensors };
      case 'fault':
        if (task.fault === 'crash') setImmediate(() => process.exit(70));
        else for (;;) {} // spins until the pool's timeout terminates this thread
        return new Promise(() => {});
    }
  } catch (error) {
    const code = error instanceof ImageError ? error.code : 'failed';
    return { ok: false, code, message: (error as Error).message ?? String(error) };
  }
}

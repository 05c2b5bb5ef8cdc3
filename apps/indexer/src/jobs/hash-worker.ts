import { parentPort } from 'node:worker_threads';
import { hashFileSync, READ_BUFFER_BYTES } from './hash-file.js';

/** Worker thread body for `HashPool`: hashes the paths it is sent, one reply per task. */
const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
parentPort?.on('message', (task: { id: number; path: string }) => {
  parentPort?.postMessage({ id: task.id, result: hashFileSync(task.path, buffer) });
});

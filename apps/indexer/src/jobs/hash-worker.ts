import { parentPort } from 'node:worker_threads';
import { hashFileSync, READ_BUFFER_BYTES } from './hash-file.js';

/** Worker thread body for `HashPool`: hashes each batch of paths it is sent and replies with one batch. */
const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
parentPort?.on('message', (tasks: { id: number; path: string }[]) => {
  parentPort?.postMessage(tasks.map((task) => ({ id: task.id, result: hashFileSync(task.path, buffer) })));
});

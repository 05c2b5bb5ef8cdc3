import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '@kindred/db';
import { InventoryStore } from './inventory-store.js';
import type { WriteBatch, WriteResult } from './inventory-writer.js';

/** WAL pages (4 KiB each) between automatic checkpoints on this connection. */
const WAL_CHECKPOINT_PAGES = 16_384;

/** Worker thread body for the inventory's `ThreadWriter`: commits each batch it is sent, in order. */
const { databasePath, runId, maxPageCount } = workerData as {
  databasePath: string;
  runId: number;
  maxPageCount: number;
};
const db = openDatabase(databasePath);
db.$client.pragma(`max_page_count = ${maxPageCount}`); // the same limit as the run's connection (tests)
// Checkpoint every 64 MiB of WAL, not SQLite's 4 MiB: a first index rewrites the same index pages batch after
// batch, and copying them back into the database at every 4 MiB took a quarter of this thread's time.
db.$client.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
const store = new InventoryStore(db, runId);

parentPort?.on('message', (batch: WriteBatch) => {
  let result: WriteResult;
  try {
    for (const record of batch.records) store.add(record);
    for (const id of batch.removals) store.remove(id);
    result = { fresh: store.flush() };
  } catch (error) {
    const e = error as Error & { code?: string };
    result = { error: { message: e.message, code: e.code, name: e.name } };
  }
  parentPort?.postMessage(result);
});

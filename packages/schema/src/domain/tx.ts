import { edits, type KindredDb } from '@kindred/db';

/** A drizzle transaction on a Kindred database (synchronous: better-sqlite3). */
export type Tx = Parameters<Parameters<KindredDb['transaction']>[0]>[0];

/** Runs `work` in one write transaction and records it as one `edits` row; returns work's result and the edit id. */
export function editTransaction<T extends { payload: Record<string, unknown> }>(
  db: KindredDb,
  actor: string,
  action: string,
  work: (tx: Tx) => T,
): T & { editId: number } {
  // drizzle's sync-transaction return type is conditional on the result; with a generic result it cannot be resolved.
  const transaction = db.transaction.bind(db) as unknown as <R>(fn: (tx: Tx) => R) => R;
  return transaction((tx) => {
    const result = work(tx);
    const row = tx
      .insert(edits)
      .values({ actor, action, payload: result.payload })
      .returning({ id: edits.id })
      .get();
    return { ...result, editId: row.id };
  });
}

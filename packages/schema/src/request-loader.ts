/**
 * A per-request batch loader: the keys asked for while one level of the query resolves are loaded by one call
 * of `load` (one SQL statement, however many photos are on the page), and each key's value is kept for the
 * rest of the request. Batches start after the current tick, as DataLoader's do.
 */
export function requestLoader<Ctx extends object, K, V>(
  load: (ctx: Ctx, keys: K[]) => Map<K, V>,
  missing: V,
): (ctx: Ctx, key: K) => Promise<V> {
  interface Batch {
    keys: K[];
    loaded: Promise<Map<K, V>>;
  }
  const requests = new WeakMap<Ctx, { values: Map<K, Promise<V>>; pending?: Batch }>();
  return (ctx, key) => {
    let request = requests.get(ctx);
    if (!request) {
      request = { values: new Map() };
      requests.set(ctx, request);
    }
    const known = request.values.get(key);
    if (known) return known;
    const state = request;
    let batch = state.pending;
    if (!batch) {
      const keys: K[] = [];
      const loaded = Promise.resolve()
        .then(() => new Promise<void>((resolve) => process.nextTick(resolve)))
        .then(() => {
          state.pending = undefined;
          return load(ctx, keys);
        });
      batch = { keys, loaded };
      state.pending = batch;
    }
    batch.keys.push(key);
    const value = batch.loaded.then((values) => values.get(key) ?? missing);
    state.values.set(key, value);
    return value;
  };
}

/** Groups rows by a key, keeping their order. */
export function groupBy<K, T>(rows: T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

import type Database from 'better-sqlite3';

/**
 * Makes `prepare()` on this connection return an already prepared statement for SQL it has seen, keeping
 * the `capacity` most recently used. Drizzle prepares every statement on every call; for a server answering
 * the same few queries thousands of times, preparing was about as costly as running them.
 *
 * A reused statement comes back in its default modes (not raw, not plucked, not expanded), as a fresh one
 * would. A statement that is still being iterated is never handed out twice: that caller gets a fresh one.
 * Code that keeps a statement and changes its modes must prepare its own SQL on a connection without the
 * cache (only servers turn it on: `openDatabase(path, { statementCache: n })`).
 */
export function cacheStatements(sqlite: Database.Database, capacity: number): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source); // most recently used last
      cache.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = prepare(source);
    if (cached) return statement; // the cached one is busy: this one is used once
    cache.set(source, statement);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return statement;
  }) as Database.Database['prepare'];
}

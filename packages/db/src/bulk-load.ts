import type Database from 'better-sqlite3';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';

type Sqlite = Database.Database;

/** The table's plain secondary indexes as the schema declares them (names and the SQL that creates each). */
function declaredIndexes(table: SQLiteTable): { name: string; sql: string }[] {
  const config = getTableConfig(table);
  return config.indexes
    .filter((index) => !index.config.unique && !index.config.where)
    .map(({ config: index }) => {
      const columns = index.columns.map((column) => `"${(column as { name: string }).name}"`).join(', ');
      return {
        name: index.name,
        sql: `CREATE INDEX IF NOT EXISTS "${index.name}" ON "${config.name}" (${columns})`,
      };
    });
}

function existingIndexNames(sqlite: Sqlite, table: SQLiteTable): Set<string> {
  const rows = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`)
    .pluck()
    .all(getTableConfig(table).name) as string[];
  return new Set(rows);
}

/**
 * Drops the table's plain secondary indexes before loading many rows into it: SQLite then inserts into the
 * table and its unique indexes only, and `restoreIndexes` builds each dropped index once, by sorting, which
 * costs a fraction of keeping it up to date row by row. Queries meanwhile still work, without those indexes.
 * Unique indexes and primary keys are kept: they enforce what the data must be.
 */
export function dropIndexesForBulkLoad(sqlite: Sqlite, table: SQLiteTable): string[] {
  const existing = existingIndexNames(sqlite, table);
  const dropped = declaredIndexes(table).filter((index) => existing.has(index.name));
  sqlite.transaction(() => {
    for (const index of dropped) sqlite.exec(`DROP INDEX "${index.name}"`);
  })();
  return dropped.map((index) => index.name);
}

/**
 * Creates whichever of the table's declared secondary indexes are missing (after a bulk load, or after a run
 * that dropped them was killed); returns their names. Nothing to do costs one look at the schema.
 */
export function restoreIndexes(sqlite: Sqlite, table: SQLiteTable): string[] {
  const existing = existingIndexNames(sqlite, table);
  const missing = declaredIndexes(table).filter((index) => !existing.has(index.name));
  if (missing.length === 0) return [];
  sqlite.transaction(() => {
    for (const index of missing) sqlite.exec(index.sql);
  })();
  return missing.map((index) => index.name);
}

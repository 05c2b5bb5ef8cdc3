import type { KindredDb } from '@kindred/db';

type Sqlite = KindredDb['$client'];
/** A statement without parameters that returns one number. */
type Statement = { get(): unknown };

const statements = new WeakMap<Sqlite, { version: Statement; changes: Statement }>();

/**
 * A key that changes whenever the database's data may have changed: SQLite's data_version moves when
 * another connection commits (the indexer, another server process), total_changes() when this one writes.
 * Asked on every API request, so its two statements are prepared once per connection.
 */
export function dataStateKey(db: KindredDb): string {
  let own = statements.get(db.$client);
  if (!own) {
    own = {
      version: db.$client.prepare('pragma data_version').pluck(),
      changes: db.$client.prepare('select total_changes()').pluck(),
    };
    statements.set(db.$client, own);
  }
  return `${own.version.get() as number}:${own.changes.get() as number}`;
}

import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A folder the family asked Kindred to index. Remembered so a nightly `kindred index` needs no arguments. */
export const roots = sqliteTable('roots', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  path: text('path').notNull().unique(),
  addedAt: text('added_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  /** The last run that walked this root completely: every file of it still 'present' was seen by that run. */
  lastIndexedRun: integer('last_indexed_run'),
});

/** One distinct file content, named by its SHA-256. Everything learned about a photo hangs off its hash. */
export const contents = sqliteTable('contents', {
  hash: text('hash').primaryKey(),
  size: integer('size').notNull(),
  kind: text('kind', { enum: ['image', 'video', 'other'] }).notNull(),
  firstSeenRun: integer('first_seen_run'),
});

/** Every file path seen under a root, present or removed (removed files stay as history). */
export const files = sqliteTable(
  'files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rootId: integer('root_id')
      .notNull()
      .references(() => roots.id),
    path: text('path').notNull().unique(),
    contentHash: text('content_hash').references(() => contents.hash),
    size: integer('size').notNull(),
    mtimeMs: real('mtime_ms').notNull(),
    inode: integer('inode').notNull(),
    status: text('status', { enum: ['present', 'removed'] })
      .notNull()
      .default('present'),
    firstSeenRun: integer('first_seen_run').notNull(),
    lastSeenRun: integer('last_seen_run').notNull(),
    removedRun: integer('removed_run'),
  },
  (t) => [
    index('files_content_idx').on(t.contentHash, t.status),
    index('files_root_status_idx').on(t.rootId, t.status),
  ],
);

/** One `kindred index` (or other command) run and its JSON report. */
export const runs = sqliteTable('runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  command: text('command').notNull().default('index'),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  status: text('status', { enum: ['running', 'completed', 'failed', 'interrupted'] })
    .notNull()
    .default('running'),
  pid: integer('pid'),
  report: text('report', { mode: 'json' }),
});

/** Remembered settings (picasa contacts path, learned metric, …) as JSON values. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

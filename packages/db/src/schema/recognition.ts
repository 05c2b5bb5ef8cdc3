import { sql } from 'drizzle-orm';
import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { people } from './people.js';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Recognition's model of a person: a few small centroids of their confirmed faces.
 * `confirmedCount` and `lastConfirmedFaceId` say which confirmed faces they were built from;
 * when either changes the person's prototypes are rebuilt.
 */
export const personPrototypes = sqliteTable(
  'person_prototypes',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    /** Float32 BLOB, same dimension as face descriptors. */
    vector: blob('vector', { mode: 'buffer' }).notNull(),
    confirmedCount: integer('confirmed_count').notNull(),
    lastConfirmedFaceId: integer('last_confirmed_face_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.idx] })],
);

/** One row per recognition run; the last row's `lastFaceId` is the incremental watermark. */
export const recognitionRuns = sqliteTable('recognition_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  mode: text('mode', { enum: ['incremental', 'full'] }).notNull(),
  version: text('version').notNull(),
  /** Highest face id seen by this run: later runs only look at faces above it. */
  lastFaceId: integer('last_face_id').notNull(),
  faces: integer('faces').notNull(),
  suggested: integer('suggested').notNull(),
  grouped: integer('grouped').notNull(),
  startedAt: text('started_at').notNull().default(now),
  ms: integer('ms'),
});

import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { photos } from './photos.js';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** A person: named, or a confirmed "same person" group whose name is not known yet. */
export const people = sqliteTable('people', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').unique(),
  hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
  coverFaceId: integer('cover_face_id'),
  /** Picasa contact id this person came from, if any. */
  picasaContactId: text('picasa_contact_id').unique(),
  /** Set when merged into another person (kept so a merge can be undone). */
  mergedInto: integer('merged_into'),
  createdAt: text('created_at').notNull().default(now),
});

/** An unnamed group of similar faces found by recognition ("Who is this?"). Ids are stable across runs. */
export const clusters = sqliteTable('clusters', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Mean descriptor of the member faces (Float32 BLOB), kept by recognition for incremental runs. */
  centroid: blob('centroid', { mode: 'buffer' }),
  /** Member faces (small groups rank low). */
  size: integer('size').notNull().default(0),
  createdAt: text('created_at').notNull().default(now),
});

/**
 * A face in a photo. Box is normalized {x,y,w,h} of the upright image, origin top-left.
 * state: confirmed = a person said so; suggested = the machine's name; unassigned = no name.
 */
export const faces = sqliteTable(
  'faces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    photoHash: text('photo_hash')
      .notNull()
      .references(() => photos.hash),
    x: real('x').notNull(),
    y: real('y').notNull(),
    w: real('w').notNull(),
    h: real('h').notNull(),
    score: real('score'),
    /** 68 landmarks as Float32 [x0,y0,x1,y1,…], normalized like the box. */
    landmarks: blob('landmarks', { mode: 'buffer' }),
    /** 128-D descriptor as Float32 little-endian. */
    descriptor: blob('descriptor', { mode: 'buffer' }),
    source: text('source', { enum: ['detected', 'picasa', 'manual', 'xmp'] }).notNull(),
    pipeline: text('pipeline'),
    personId: integer('person_id').references(() => people.id),
    state: text('state', { enum: ['confirmed', 'suggested', 'unassigned'] })
      .notNull()
      .default('unassigned'),
    clusterId: integer('cluster_id').references(() => clusters.id),
    /** Distance to the suggested person (for ranking suggestions). */
    suggestionDistance: real('suggestion_distance'),
    /** Picasa contact id of a Picasa tag (kept to re-import idempotently). */
    picasaContactId: text('picasa_contact_id'),
    /** The `.picasa.ini` a Picasa face came from (its re-import updates or removes only its own faces). */
    picasaIniPath: text('picasa_ini_path'),
    /** True once a person changed this face in Kindred: a stale .ini never overwrites it. */
    editedByUser: integer('edited_by_user', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('faces_photo_idx').on(t.photoHash),
    index('faces_person_idx').on(t.personId, t.state, t.photoHash),
    index('faces_cluster_idx').on(t.clusterId),
    index('faces_picasa_ini_idx').on(t.picasaIniPath),
  ],
);

/** "Not this person": never suggest the face for that person again. */
export const faceRejections = sqliteTable(
  'face_rejections',
  {
    faceId: integer('face_id')
      .notNull()
      .references(() => faces.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.faceId, t.personId] })],
);

/** Every change a person made (gallery, API, CLI), with what is needed to undo it. */
export const edits = sqliteTable('edits', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull().default(now),
  actor: text('actor'),
  action: text('action').notNull(),
  payload: text('payload', { mode: 'json' }),
  undoneAt: text('undone_at'),
});

/** Projection of descriptors under the adopted metric (recomputed when the metric changes). */
export const faceProjections = sqliteTable('face_projections', {
  faceId: integer('face_id')
    .primaryKey()
    .references(() => faces.id, { onDelete: 'cascade' }),
  metric: text('metric').notNull(),
  vector: blob('vector', { mode: 'buffer' }).notNull(),
  norm: real('norm'),
});

import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { photos } from './photos.js';

/** An album: from Picasa (`[.album:token]`), a folder on disk, or made in the gallery. */
export const albums = sqliteTable(
  'albums',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    source: text('source', { enum: ['picasa', 'folder', 'user'] }).notNull(),
    /** Picasa album token, or the folder path for folder albums. */
    externalKey: text('external_key'),
    createdAt: text('created_at'),
  },
  (t) => [index('albums_key_idx').on(t.source, t.externalKey)],
);

export const albumPhotos = sqliteTable(
  'album_photos',
  {
    albumId: integer('album_id')
      .notNull()
      .references(() => albums.id, { onDelete: 'cascade' }),
    photoHash: text('photo_hash')
      .notNull()
      .references(() => photos.hash),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.albumId, t.photoHash] }), index('album_photos_photo_idx').on(t.photoHash)],
);

/** Each `.picasa.ini` read, so an unchanged file is not imported again. */
export const picasaIniFiles = sqliteTable('picasa_ini_files', {
  path: text('path').primaryKey(),
  contentHash: text('content_hash').notNull(),
  importedRun: integer('imported_run'),
});

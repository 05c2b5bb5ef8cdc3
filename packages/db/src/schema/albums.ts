import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
  (t) => [uniqueIndex('albums_key_idx').on(t.source, t.externalKey)],
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
    /** The `.picasa.ini` whose `albums=` put the photo here (null for folder and gallery albums). */
    picasaIniPath: text('picasa_ini_path'),
  },
  (t) => [primaryKey({ columns: [t.albumId, t.photoHash] }), index('album_photos_photo_idx').on(t.photoHash)],
);

/** Each `.picasa.ini` read, so an unchanged file is not imported again. */
export const picasaIniFiles = sqliteTable('picasa_ini_files', {
  path: text('path').primaryKey(),
  /** SHA-256 of the file's bytes. */
  contentHash: text('content_hash').notNull(),
  /** SHA-256 over the bytes and the content hash each named photo resolved to: a photo edited on disk re-imports. */
  fingerprint: text('fingerprint').notNull(),
  importedRun: integer('imported_run'),
  /** Lines of the file that could not be used at the last import. */
  unparsedLines: integer('unparsed_lines').notNull().default(0),
});

/** Each photo section of an imported `.picasa.ini`, with what it resolved to and said (for re-import diffs). */
export const picasaIniPhotos = sqliteTable(
  'picasa_ini_photos',
  {
    iniPath: text('ini_path')
      .notNull()
      .references(() => picasaIniFiles.path, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** Content of `<ini folder>/<fileName>` at import; null when no such file was present. */
    photoHash: text('photo_hash'),
    starred: integer('starred', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.iniPath, t.fileName] }),
    index('picasa_ini_photos_hash_idx').on(t.photoHash),
  ],
);

import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every face region an outside file (a `.picasa.ini`, XMP) gave a photo content, by a key of the region
 * as the file writes it, and the face it became. There is deliberately no foreign key to `faces`: when
 * the family deletes that face in Kindred the row stays behind, and while the file still lists the same
 * region the importer sees a key whose face is gone and does not bring it back (a tombstone). The row
 * goes when the file stops listing the region.
 */
export const faceImports = sqliteTable(
  'face_imports',
  {
    source: text('source', { enum: ['picasa', 'xmp'] }).notNull(),
    photoHash: text('photo_hash').notNull(),
    /** Picasa: the rect64 fields "left,top,right,bottom" (0–65535); XMP: the upright box rounded, "x,y,w,h". */
    regionKey: text('region_key').notNull(),
    /** The face the region became (or, for XMP, the face already there that it stands for). */
    faceId: integer('face_id').notNull(),
    /** The `.picasa.ini` path, or the image path whose XMP (embedded or sidecar) listed the region. */
    origin: text('origin').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.photoHash, t.regionKey] }),
    index('face_imports_origin_idx').on(t.origin),
  ],
);

/** Each image file whose XMP (embedded and sidecars) was read, so an unchanged one is not read again. */
export const xmpSources = sqliteTable('xmp_sources', {
  /** Absolute path of the image file. */
  path: text('path').primaryKey(),
  /** Its content when read. */
  photoHash: text('photo_hash').notNull(),
  /** The sidecars read with it: "path=content hash" lines, sorted ('' when none). */
  sidecars: text('sidecars').notNull(),
  /** Face regions found (after removing duplicates across the sources). */
  regions: integer('regions').notNull().default(0),
  /** Why the XMP could not be used (malformed XML, unreadable file); null when it was read. */
  error: text('error'),
  importedRun: integer('imported_run'),
});

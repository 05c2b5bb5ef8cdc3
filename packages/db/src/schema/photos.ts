import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { contents } from './inventory.js';

/**
 * What is known about an image content: upright size, EXIF facts, and the face pipeline state.
 * Width/height are of the upright image (EXIF orientation applied).
 */
export const photos = sqliteTable(
  'photos',
  {
    hash: text('hash')
      .primaryKey()
      .references(() => contents.hash),
    width: integer('width'),
    height: integer('height'),
    orientation: integer('orientation'),
    takenAtRaw: text('taken_at_raw'),
    takenAt: text('taken_at'),
    gpsLat: real('gps_lat'),
    gpsLon: real('gps_lon'),
    cameraMake: text('camera_make'),
    cameraModel: text('camera_model'),
    starred: integer('starred', { mode: 'boolean' }).notNull().default(false),
    /** Pipeline version whose faces are stored; null until faces were computed. */
    facesPipeline: text('faces_pipeline'),
    /** The last failure of the face pipeline, and the pipeline version it failed under. */
    facesError: text('faces_error'),
    facesErrorPipeline: text('faces_error_pipeline'),
  },
  (t) => [index('photos_taken_idx').on(t.takenAt), index('photos_pipeline_idx').on(t.facesPipeline)],
);

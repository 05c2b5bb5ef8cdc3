import { contents, faces, files, type KindredDb, photos } from '@kindred/db';
import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';

/** A photo content that needs the face pipeline, with one present path to read it from. */
export interface FacesWork {
  hash: string;
  path: string;
}

/**
 * Image contents that have no faces for `pipeline` yet, or have faces without a descriptor (a Picasa
 * or XMP tag imported after detection), skipping those that already failed under this pipeline.
 * Each content appears once, whatever the number of its paths.
 */
export function imagesNeedingFaces(db: KindredDb, pipeline: string, onlyHash?: string): FacesWork[] {
  const undescribed = db.select({ hash: faces.photoHash }).from(faces).where(isNull(faces.descriptor));
  return db
    .select({ hash: contents.hash, path: sql<string>`min(${files.path})` })
    .from(contents)
    .innerJoin(files, and(eq(files.contentHash, contents.hash), eq(files.status, 'present')))
    .leftJoin(photos, eq(photos.hash, contents.hash))
    .where(
      and(
        eq(contents.kind, 'image'),
        onlyHash === undefined ? undefined : eq(contents.hash, onlyHash),
        or(isNull(photos.facesErrorPipeline), ne(photos.facesErrorPipeline, pipeline)),
        or(
          isNull(photos.facesPipeline),
          ne(photos.facesPipeline, pipeline),
          sql`${contents.hash} in ${undescribed}`,
        ),
      ),
    )
    .groupBy(contents.hash)
    .orderBy(asc(contents.hash))
    .all();
}

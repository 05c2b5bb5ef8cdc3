import type { photos } from '@kindred/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { builder, type KindredTypes } from '../builder.js';
import { confirmedPeople, photoAlbums, photoFaces, photoPaths } from '../photo-details.js';
import { photoOriginalUrl, photoThumbnailUrl } from '../urls.js';
import { Album } from './album.js';
import { Face } from './face.js';
import { Person } from './person.js';

export const GeoPoint = builder.objectRef<{ lat: number; lon: number }>('GeoPoint').implement({
  description: 'Where a photo was taken (WGS84 degrees).',
  fields: (t) => ({ lat: t.exposeFloat('lat'), lon: t.exposeFloat('lon') }),
});

/** A photo: one image content, named by its SHA-256 hash, wherever its files are. */
export const Photo: DrizzleObjectRef<KindredTypes, 'photos', typeof photos.$inferSelect> =
  builder.drizzleNode('photos', {
    name: 'Photo',
    id: { column: (photo) => photo.hash },
    fields: (t) => ({
      // Plain resolvers, not t.expose: a photo row read with plain SQL (the `photo` query) resolves as it is.
      hash: t.string({ description: 'SHA-256 of the file content (hex).', resolve: (photo) => photo.hash }),
      paths: t.stringList({
        description: 'Paths of the files on disk with this content (present files only).',
        resolve: (photo, _args, ctx) => photoPaths(ctx, photo.hash),
      }),
      width: t.int({
        nullable: true,
        description: 'Upright width in pixels.',
        resolve: (photo) => photo.width,
      }),
      height: t.int({
        nullable: true,
        description: 'Upright height in pixels.',
        resolve: (photo) => photo.height,
      }),
      takenAt: t.string({
        nullable: true,
        description:
          'When the photo was taken, ISO 8601 as recorded by the camera (usually local time, no zone).',
        resolve: (photo) => photo.takenAt,
      }),
      gps: t.field({
        type: GeoPoint,
        nullable: true,
        resolve: (photo) =>
          photo.gpsLat === null || photo.gpsLon === null ? null : { lat: photo.gpsLat, lon: photo.gpsLon },
      }),
      camera: t.string({
        nullable: true,
        resolve: (photo) => [photo.cameraMake, photo.cameraModel].filter(Boolean).join(' ') || null,
      }),
      starred: t.boolean({ resolve: (photo) => photo.starred }),
      faces: t.field({
        type: [Face],
        resolve: (photo, _args, ctx) => photoFaces(ctx, photo.hash),
      }),
      people: t.field({
        type: [Person],
        description: 'People confirmed in this photo, left to right.',
        resolve: async (photo, _args, ctx) => confirmedPeople(await photoFaces(ctx, photo.hash)),
      }),
      albums: t.field({
        type: [Album],
        resolve: (photo, _args, ctx) => photoAlbums(ctx, photo.hash),
      }),
      thumbnailUrl: t.string({
        args: { size: t.arg.int({ defaultValue: 320, description: 'One of 160, 320, 640, 1280.' }) },
        resolve: (photo, args) => photoThumbnailUrl(photo.hash, args.size ?? 320),
      }),
      originalUrl: t.string({
        resolve: (photo) => photoOriginalUrl(photo.hash),
      }),
    }),
  });

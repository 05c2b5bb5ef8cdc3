import type { photos } from '@kindred/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { builder, type KindredTypes } from '../builder.js';
import { photoOriginalUrl, photoThumbnailUrl } from '../urls.js';
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
      hash: t.exposeString('hash', { description: 'SHA-256 of the file content (hex).' }),
      paths: t.stringList({
        description: 'Paths of the files on disk with this content (present files only).',
        select: {
          with: {
            files: {
              columns: { path: true },
              where: { status: 'present' },
              orderBy: { path: 'asc' as const },
            },
          },
        },
        resolve: (photo) => photo.files.map((file) => file.path),
      }),
      width: t.exposeInt('width', { nullable: true, description: 'Upright width in pixels.' }),
      height: t.exposeInt('height', { nullable: true, description: 'Upright height in pixels.' }),
      takenAt: t.exposeString('takenAt', {
        nullable: true,
        description:
          'When the photo was taken, ISO 8601 as recorded by the camera (usually local time, no zone).',
      }),
      gps: t.field({
        type: GeoPoint,
        nullable: true,
        select: { columns: { gpsLat: true, gpsLon: true } },
        resolve: (photo) =>
          photo.gpsLat === null || photo.gpsLon === null ? null : { lat: photo.gpsLat, lon: photo.gpsLon },
      }),
      camera: t.string({
        nullable: true,
        select: { columns: { cameraMake: true, cameraModel: true } },
        resolve: (photo) => [photo.cameraMake, photo.cameraModel].filter(Boolean).join(' ') || null,
      }),
      starred: t.exposeBoolean('starred'),
      faces: t.relation('faces', { query: { orderBy: { x: 'asc', id: 'asc' } } }),
      people: t.field({
        type: [Person],
        description: 'People confirmed in this photo, left to right.',
        select: (_args, _ctx, nestedSelection) => ({
          with: {
            faces: {
              columns: { personId: true },
              where: { state: 'confirmed', personId: { isNotNull: true } },
              orderBy: { x: 'asc' as const },
              with: { person: nestedSelection() },
            },
          },
        }),
        resolve: (photo) => {
          const seen = new Set<number>();
          return photo.faces.flatMap((face) => {
            if (!face.person || seen.has(face.person.id)) return [];
            seen.add(face.person.id);
            return [face.person];
          });
        },
      }),
      albums: t.relation('albums', { query: { orderBy: { name: 'asc' } } }),
      thumbnailUrl: t.string({
        args: { size: t.arg.int({ defaultValue: 320, description: 'One of 160, 320, 640, 1280.' }) },
        select: { columns: { hash: true } },
        resolve: (photo, args) => photoThumbnailUrl(photo.hash, args.size ?? 320),
      }),
      originalUrl: t.string({
        select: { columns: { hash: true } },
        resolve: (photo) => photoOriginalUrl(photo.hash),
      }),
    }),
  });

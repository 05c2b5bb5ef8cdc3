import { albumPhotos, type albums } from '@kindred/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { eq, sql } from 'drizzle-orm';
import { builder, type KindredTypes } from '../builder.js';
import { resolvePhotoConnection } from '../photo-connection.js';
import { Photo } from './photo.js';
import { PhotoOrderEnum } from './photo-order.js';

export const AlbumSource = builder.enumType('AlbumSource', {
  values: { PICASA: { value: 'picasa' }, FOLDER: { value: 'folder' }, USER: { value: 'user' } },
});

/** An album from Picasa, a folder on disk, or made in the gallery. */
export const Album: DrizzleObjectRef<KindredTypes, 'albums', typeof albums.$inferSelect> =
  builder.drizzleNode('albums', {
    name: 'Album',
    id: { column: (album) => album.id },
    fields: (t) => ({
      // Plain resolvers, not t.expose: see Person (albums of a photo come from plain SQL, `photoAlbums`).
      albumId: t.int({ resolve: (album) => album.id }),
      name: t.string({ resolve: (album) => album.name }),
      source: t.field({ type: AlbumSource, resolve: (album) => album.source }),
      createdAt: t.string({ nullable: true, resolve: (album) => album.createdAt }),
      photoCount: t.int({
        select: {
          extras: {
            photoCount: (album) =>
              sql<number>`(select count(*) from ${albumPhotos} where ${albumPhotos.albumId} = ${album.id})`,
          },
        },
        resolve: (album) => Number(album.photoCount),
      }),
      photos: t.connection(
        {
          type: Photo,
          args: { orderBy: t.arg({ type: PhotoOrderEnum, defaultValue: 'TAKEN_AT' }) },
          resolve: (album, args, ctx, info) =>
            resolvePhotoConnection(ctx, info, args, { albumId: album.id }, args.orderBy ?? 'TAKEN_AT', () =>
              ctx.db.$count(albumPhotos, eq(albumPhotos.albumId, album.id)).sync(),
            ),
        },
        { fields: (c) => ({ totalCount: c.int({ resolve: (connection) => connection.totalCount() }) }) },
      ),
    }),
  });

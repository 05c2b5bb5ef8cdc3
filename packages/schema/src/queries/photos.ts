import { type KindredDb, photos } from '@kindred/db';
import { eq, sql } from 'drizzle-orm';
import { builder } from '../builder.js';
import { parseId, parseNumericId } from '../ids.js';
import { resolvePhotoConnection } from '../photo-connection.js';
import type { PhotoFilter } from '../photo-filter.js';
import { photoCount, photoNeighbourHashes } from '../photo-pages.js';
import { Photo } from '../types/photo.js';
import { PhotoOrderEnum } from '../types/photo-order.js';

/** One photo row by hash, its SQL built once per database (building it cost more than running it). */
const photoByHash = new WeakMap<KindredDb, ReturnType<typeof preparePhotoByHash>>();
function preparePhotoByHash(db: KindredDb) {
  return db
    .select()
    .from(photos)
    .where(eq(photos.hash, sql.placeholder('hash')))
    .prepare();
}
function photoRow(db: KindredDb, hash: string) {
  let query = photoByHash.get(db);
  if (!query) {
    query = preparePhotoByHash(db);
    photoByHash.set(db, query);
  }
  return query.get({ hash }) ?? null;
}

const PhotoFilterInput = builder.inputType('PhotoFilter', {
  description: 'All given conditions must hold.',
  fields: (t) => ({
    personIds: t.idList({ description: 'Photos in which every one of these people is confirmed.' }),
    albumId: t.id(),
    folder: t.string({ description: 'Absolute folder path: photos with a file anywhere under it.' }),
    takenFrom: t.string({
      description: 'Inclusive lower bound on takenAt, an ISO 8601 prefix: "2009" or "2009-06-01".',
    }),
    takenTo: t.string({
      description: 'Exclusive upper bound on takenAt: photos of 2009 are takenFrom "2009", takenTo "2010".',
    }),
    hasUnnamedFaces: t.boolean({ description: 'Has a face without a confirmed, named person.' }),
    starred: t.boolean(),
  }),
});

interface PhotoFilterArgs {
  personIds?: (string | number)[] | null;
  albumId?: string | number | null;
  folder?: string | null;
  takenFrom?: string | null;
  takenTo?: string | null;
  hasUnnamedFaces?: boolean | null;
  starred?: boolean | null;
}

function toPhotoFilter(args: PhotoFilterArgs | null | undefined): PhotoFilter {
  if (!args) return {};
  return {
    ...args,
    personIds: args.personIds?.map((id) => parseNumericId(id, 'Person')),
    albumId: args.albumId == null ? null : parseNumericId(args.albumId, 'Album'),
  };
}

const PhotoNeighbours = builder
  .objectRef<{ previous: string | null; next: string | null }>('PhotoNeighbours')
  .implement({
    description: 'The photos on either side of one photo, in the order of `photos(orderBy: TAKEN_AT)`.',
    fields: (t) => ({
      previousHash: t.string({ nullable: true, resolve: (n) => n.previous }),
      nextHash: t.string({ nullable: true, resolve: (n) => n.next }),
    }),
  });

builder.queryFields((t) => ({
  photoNeighbours: t.field({
    type: PhotoNeighbours,
    description:
      'Previous and next photo among those matching the filter (for arrow keys); undated photos come first.',
    args: { id: t.arg.id({ required: true }), filter: t.arg({ type: PhotoFilterInput }) },
    resolve: (_parent, args, ctx) =>
      photoNeighbourHashes(ctx.db, parseId(args.id, 'Photo'), toPhotoFilter(args.filter)),
  }),
  photos: t.connection(
    {
      type: Photo,
      args: {
        filter: t.arg({ type: PhotoFilterInput }),
        orderBy: t.arg({ type: PhotoOrderEnum, defaultValue: 'TAKEN_AT' }),
      },
      resolve: (_parent, args, ctx, info) => {
        const filter = toPhotoFilter(args.filter);
        return resolvePhotoConnection(ctx, info, args, filter, args.orderBy ?? 'TAKEN_AT', () =>
          photoCount(ctx.db, filter),
        );
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (connection) => connection.totalCount() }) }) },
  ),
  photo: t.field({
    type: Photo,
    nullable: true,
    description: 'One photo by id or by its SHA-256 hash.',
    args: { id: t.arg.id({ required: true }) },
    // The row alone: Photo's fields load what they show themselves (photo-details.ts), batched per request.
    resolve: (_parent, args, ctx) => photoRow(ctx.db, parseId(args.id, 'Photo')),
  }),
}));

import { builder } from '../builder.js';
import { addToAlbum, createAlbum, removeFromAlbum, renameAlbum, setStarred } from '../domain/library.js';
import { parseId, parseNumericId } from '../ids.js';
import { MUTATION_ERRORS } from '../types/errors.js';
import { AlbumPayload, PhotoPayload } from './payloads.js';

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => ({
  createAlbum: t.field({
    type: AlbumPayload,
    errors,
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => createAlbum(ctx.db, ctx.actor.role, args.name),
  }),
  renameAlbum: t.field({
    type: AlbumPayload,
    errors,
    args: { albumId: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      renameAlbum(ctx.db, ctx.actor.role, parseNumericId(args.albumId, 'Album'), args.name),
  }),
  addToAlbum: t.field({
    type: AlbumPayload,
    errors,
    args: { albumId: t.arg.id({ required: true }), photoIds: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx) =>
      addToAlbum(
        ctx.db,
        ctx.actor.role,
        parseNumericId(args.albumId, 'Album'),
        args.photoIds.map((id) => parseId(id, 'Photo')),
      ),
  }),
  removeFromAlbum: t.field({
    type: AlbumPayload,
    errors,
    args: { albumId: t.arg.id({ required: true }), photoIds: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx) =>
      removeFromAlbum(
        ctx.db,
        ctx.actor.role,
        parseNumericId(args.albumId, 'Album'),
        args.photoIds.map((id) => parseId(id, 'Photo')),
      ),
  }),
  setStarred: t.field({
    type: PhotoPayload,
    errors,
    args: { photoId: t.arg.id({ required: true }), starred: t.arg.boolean({ required: true }) },
    resolve: (_root, args, ctx) =>
      setStarred(ctx.db, ctx.actor.role, parseId(args.photoId, 'Photo'), args.starred),
  }),
}));

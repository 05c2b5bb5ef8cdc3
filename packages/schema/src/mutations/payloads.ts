import { builder } from '../builder.js';

/** Mutation results carry keys; each field loads its row with the selection the client asked for. */
export const PersonPayload = builder
  .objectRef<{ personId: number; merged?: boolean; editId: number; undoToken?: string | null }>(
    'PersonPayload',
  )
  .implement({
    fields: (t) => ({
      person: t.drizzleField({
        type: 'people',
        resolve: async (query, payload, _args, ctx) =>
          (await ctx.db.query.people.findFirst(query({ where: { id: payload.personId } }))) as never,
      }),
      merged: t.boolean({
        description: 'True when the name merged two people.',
        resolve: (p) => p.merged ?? false,
      }),
      undoToken: t.string({
        nullable: true,
        description: 'Pass to undoMerge to reverse a merge.',
        resolve: (p) => p.undoToken ?? null,
      }),
      editId: t.exposeInt('editId', { description: 'The edit-history row recording this change.' }),
    }),
  });

export const UndoMergePayload = builder
  .objectRef<{ personId: number; otherPersonId: number; editId: number }>('UndoMergePayload')
  .implement({
    fields: (t) => ({
      person: t.drizzleField({
        type: 'people',
        description: 'The person restored.',
        resolve: async (query, p, _args, ctx) =>
          (await ctx.db.query.people.findFirst(query({ where: { id: p.personId } }))) as never,
      }),
      other: t.drizzleField({
        type: 'people',
        description: 'The person they had been merged into.',
        resolve: async (query, p, _args, ctx) =>
          (await ctx.db.query.people.findFirst(query({ where: { id: p.otherPersonId } }))) as never,
      }),
      editId: t.exposeInt('editId'),
    }),
  });

export const FacePayload = builder.objectRef<{ faceId: number; editId: number }>('FacePayload').implement({
  fields: (t) => ({
    face: t.drizzleField({
      type: 'faces',
      resolve: async (query, p, _args, ctx) =>
        (await ctx.db.query.faces.findFirst(query({ where: { id: p.faceId } }))) as never,
    }),
    editId: t.exposeInt('editId'),
  }),
});

export const FacesPayload = builder
  .objectRef<{ faceIds: number[]; editId: number }>('FacesPayload')
  .implement({
    fields: (t) => ({
      faces: t.drizzleField({
        type: ['faces'],
        resolve: (query, p, _args, ctx) =>
          ctx.db.query.faces.findMany(query({ where: { id: { in: p.faceIds } }, orderBy: { id: 'asc' } })),
      }),
      editId: t.exposeInt('editId'),
    }),
  });

export const DeleteFacePayload = builder
  .objectRef<{ faceId: number; photoHash: string; editId: number }>('DeleteFacePayload')
  .implement({
    fields: (t) => ({
      deletedFaceId: t.exposeInt('faceId'),
      photo: t.drizzleField({
        type: 'photos',
        resolve: async (query, p, _args, ctx) =>
          (await ctx.db.query.photos.findFirst(query({ where: { hash: p.photoHash } }))) as never,
      }),
      editId: t.exposeInt('editId'),
    }),
  });

export const AlbumPayload = builder.objectRef<{ albumId: number; editId: number }>('AlbumPayload').implement({
  fields: (t) => ({
    album: t.drizzleField({
      type: 'albums',
      resolve: async (query, p, _args, ctx) =>
        (await ctx.db.query.albums.findFirst(query({ where: { id: p.albumId } }))) as never,
    }),
    editId: t.exposeInt('editId'),
  }),
});

export const PhotoPayload = builder
  .objectRef<{ photoHash: string; editId: number }>('PhotoPayload')
  .implement({
    fields: (t) => ({
      photo: t.drizzleField({
        type: 'photos',
        resolve: async (query, p, _args, ctx) =>
          (await ctx.db.query.photos.findFirst(query({ where: { hash: p.photoHash } }))) as never,
      }),
      editId: t.exposeInt('editId'),
    }),
  });

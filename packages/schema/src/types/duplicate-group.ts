import { builder } from '../builder.js';

export interface DuplicateGroupShape {
  hash: string;
  paths: string[];
}

/** One content stored as several files (exact duplicates, same SHA-256). */
export const DuplicateGroup = builder.objectRef<DuplicateGroupShape>('DuplicateGroup').implement({
  fields: (t) => ({
    photo: t.drizzleField({
      type: 'photos',
      nullable: true,
      resolve: async (query, group, _args, ctx) =>
        (await ctx.db.query.photos.findFirst(query({ where: { hash: group.hash } }))) ?? null,
    }),
    hash: t.exposeString('hash'),
    paths: t.exposeStringList('paths'),
    count: t.int({ resolve: (group) => group.paths.length }),
  }),
});

import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { sql } from 'drizzle-orm';
import { builder, type KindredTypes } from '../builder.js';
import type { KindredContext } from '../context.js';
import { personCounts, personPhotoCounts, personPhotosFilter } from '../person-counts.js';
import { resolvePhotoConnection } from '../photo-connection.js';
import type { PersonRow } from '../photo-details.js';
import { Face } from './face.js';
import { Photo } from './photo.js';
import { PhotoOrderEnum } from './photo-order.js';

/** A person: named, or a confirmed "same person" group whose name is not known yet. */
export const Person: DrizzleObjectRef<KindredTypes, 'people', PersonRow> = builder.drizzleNode('people', {
  name: 'Person',
  id: { column: (person) => person.id },
  fields: (t) => ({
    // Plain resolvers, not t.expose: people loaded with a face (`photoFaces`) carry the columns these read, and
    // an exposed column on a row from plain SQL would send drizzle back to the database for it.
    personId: t.int({ description: 'Numeric id.', resolve: (person) => person.id }),
    name: t.string({ nullable: true, resolve: (person) => person.name }),
    hidden: t.boolean({ resolve: (person) => person.hidden }),
    coverFace: t.field({
      type: Face,
      nullable: true,
      description: 'The chosen cover face, else the first confirmed face.',
      select: (_args, _ctx, nestedSelection) => ({
        with: {
          coverFace: nestedSelection(),
          confirmedFaces: nestedSelection({ orderBy: { id: 'asc' as const }, limit: 1 }),
        },
      }),
      resolve: (person) => person.coverFace ?? person.confirmedFaces[0] ?? null,
    }),
    faceCount: t.int({
      description: 'Confirmed faces of this person.',
      resolve: (person, _args, ctx) => personCounts(ctx).confirmed.get(person.id) ?? 0,
    }),
    photoCount: t.loadable({
      type: 'Int',
      description: 'Photos this person is confirmed in.',
      load: (ids: number[], ctx: KindredContext) => Promise.resolve(personPhotoCounts(ctx, ids)),
      resolve: (person) => person.id,
    }),
    suggestionCount: t.int({
      description: 'Faces suggested as this person.',
      resolve: (person, _args, ctx) => personCounts(ctx).suggested.get(person.id) ?? 0,
    }),
    faces: t.relatedConnection('faces', {
      description: 'Confirmed faces, oldest first.',
      query: { where: { state: 'confirmed' }, orderBy: { id: 'asc' } },
    }),
    suggestions: t.relatedConnection('faces', {
      description: 'Faces the machine suggests are this person, most alike first.',
      query: {
        where: { state: 'suggested' },
        extras: { rank: (face) => sql<number>`coalesce(${face.suggestionDistance}, 1e9)` },
        orderBy: { rank: 'asc' },
      },
    }),
    photos: t.connection(
      {
        type: Photo,
        description: 'Photos this person is confirmed in.',
        args: { orderBy: t.arg({ type: PhotoOrderEnum, defaultValue: 'TAKEN_AT' }) },
        resolve: (person, args, ctx, info) =>
          resolvePhotoConnection(
            ctx,
            info,
            args,
            personPhotosFilter(ctx, person.id),
            args.orderBy ?? 'TAKEN_AT',
            () => personPhotoCounts(ctx, [person.id])[0] ?? 0,
          ),
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: (connection) => connection.totalCount() }) }) },
    ),
  }),
});

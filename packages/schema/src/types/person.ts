import { faces, type people, photos } from '@kindred/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { builder, type KindredTypes } from '../builder.js';
import { photoFilterSql, photoListQuery } from '../photo-filter.js';
import { Face } from './face.js';
import { PhotoOrderEnum } from './photo-order.js';

function facesOfPersonCount(personId: SQLiteColumn, state: 'confirmed' | 'suggested') {
  return sql<number>`(select count(*) from ${faces} where ${faces.personId} = ${personId} and ${faces.state} = ${state})`;
}

/** A person: named, or a confirmed "same person" group whose name is not known yet. */
export const Person: DrizzleObjectRef<KindredTypes, 'people', typeof people.$inferSelect> =
  builder.drizzleNode('people', {
    name: 'Person',
    id: { column: (person) => person.id },
    fields: (t) => ({
      personId: t.exposeInt('id', { description: 'Numeric id.' }),
      name: t.exposeString('name', { nullable: true }),
      hidden: t.exposeBoolean('hidden'),
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
        select: { extras: { faceCount: (person) => facesOfPersonCount(person.id, 'confirmed') } },
        resolve: (person) => Number(person.faceCount),
      }),
      photoCount: t.int({
        description: 'Photos this person is confirmed in.',
        select: {
          extras: {
            photoCount: (person) =>
              sql<number>`(select count(distinct ${faces.photoHash}) from ${faces} where ${faces.personId} = ${person.id} and ${faces.state} = 'confirmed')`,
          },
        },
        resolve: (person) => Number(person.photoCount),
      }),
      suggestionCount: t.int({
        description: 'Faces suggested as this person.',
        select: { extras: { suggestionCount: (person) => facesOfPersonCount(person.id, 'suggested') } },
        resolve: (person) => Number(person.suggestionCount),
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
      photos: t.drizzleConnection({
        type: 'photos',
        description: 'Photos this person is confirmed in.',
        args: { orderBy: t.arg({ type: PhotoOrderEnum, defaultValue: 'TAKEN_AT' }) },
        totalCount: (person, _args, ctx) =>
          ctx.db.$count(photos, photoFilterSql(photos, { personIds: [person.id] })),
        resolve: (query, person, args, ctx) =>
          ctx.db.query.photos.findMany(
            query(photoListQuery({ personIds: [person.id] }, args.orderBy ?? 'TAKEN_AT')),
          ),
      }),
    }),
  });

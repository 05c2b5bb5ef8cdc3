import { people } from '@kindred/db';
import { and, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { builder } from '../builder.js';
import { parseNumericId } from '../ids.js';
import { Person } from '../types/person.js';

const PeopleFilter = builder.inputType('PeopleFilter', {
  fields: (t) => ({
    named: t.boolean({ description: 'true: only named people; false: only unnamed groups.' }),
    hidden: t.boolean({ description: 'true: only hidden people; false: only visible ones. Omitted: both.' }),
    search: t.string({ description: 'Part of the name, case-insensitive.' }),
  }),
});

const PeopleOrder = builder.enumType('PeopleOrder', {
  description: 'FACE_COUNT: most confirmed faces first; NAME: alphabetical, unnamed last.',
  values: ['FACE_COUNT', 'NAME'] as const,
});

interface PeopleFilterArgs {
  named?: boolean | null;
  hidden?: boolean | null;
  search?: string | null;
}

function peopleFilterSql(
  person: { name: SQLiteColumn; hidden: SQLiteColumn; mergedInto: SQLiteColumn },
  filter: PeopleFilterArgs,
): SQL {
  const conditions: SQL[] = [sql`${person.mergedInto} is null`];
  if (filter.named != null)
    conditions.push(filter.named ? sql`${person.name} is not null` : sql`${person.name} is null`);
  if (filter.hidden != null) conditions.push(sql`${person.hidden} = ${filter.hidden ? 1 : 0}`);
  if (filter.search) {
    const escaped = filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(sql`lower(${person.name}) like ${`%${escaped}%`} escape '\\'`);
  }
  return and(...conditions) as SQL;
}

builder.queryFields((t) => ({
  people: t.drizzleConnection({
    type: 'people',
    description: 'People (merged ones excluded).',
    args: {
      filter: t.arg({ type: PeopleFilter }),
      orderBy: t.arg({ type: PeopleOrder, defaultValue: 'FACE_COUNT' }),
    },
    totalCount: (_parent, args, ctx) => ctx.db.$count(people, peopleFilterSql(people, args.filter ?? {})),
    resolve: (query, _parent, args, ctx) =>
      ctx.db.query.people.findMany(
        query({
          where: { RAW: (person) => peopleFilterSql(person, args.filter ?? {}) },
          extras: {
            faceCountKey: (person) =>
              sql<number>`(select count(*) from faces f where f.person_id = ${person.id} and f.state = 'confirmed')`,
            nameKey: (person) => sql<string>`coalesce(lower(${person.name}), '~')`,
          },
          orderBy: args.orderBy === 'NAME' ? { nameKey: 'asc' } : { faceCountKey: 'desc' },
        }),
      ),
  }),
  person: t.drizzleField({
    type: 'people',
    nullable: true,
    description: 'One person by id; a merged person resolves to whom they were merged into.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _parent, args, ctx) => {
      let id = parseNumericId(args.id, 'Person');
      for (let hops = 0; hops < 20; hops++) {
        const row = await ctx.db.query.people.findFirst({ columns: { mergedInto: true }, where: { id } });
        if (!row) return null;
        if (row.mergedInto === null) break;
        id = row.mergedInto;
      }
      return (await ctx.db.query.people.findFirst(query({ where: { id } }))) ?? null;
    },
  }),
}));

export { Person };

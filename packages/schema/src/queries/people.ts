import { people } from '@kindred/db';
import { queryFromInfo } from '@pothos/plugin-drizzle';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { and, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { builder, MAX_PAGE_SIZE } from '../builder.js';
import type { KindredContext } from '../context.js';
import { parseNumericId } from '../ids.js';
import { personCounts } from '../person-counts.js';
import { DEFAULT_PAGE_SIZE, drizzleConfig, NODE_PATHS } from '../photo-connection.js';
import { inKeyOrder } from '../photo-pages.js';
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

/** Ids of the people matching a filter, in the requested order (face counts come from the cached counts). */
function orderedPersonIds(
  ctx: KindredContext,
  filter: PeopleFilterArgs,
  order: 'FACE_COUNT' | 'NAME',
): number[] {
  const { db } = ctx;
  const where = peopleFilterSql(people, filter);
  if (order === 'NAME') {
    return db
      .all<{ id: number }>(
        sql`select id from ${people} where ${where} order by coalesce(lower(${people.name}), '~'), id`,
      )
      .map((row) => row.id);
  }
  const counts = personCounts(ctx).confirmed;
  const ids = db.all<{ id: number }>(sql`select id from ${people} where ${where}`).map((row) => row.id);
  return ids.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || b - a);
}

builder.queryFields((t) => ({
  people: t.connection(
    {
      type: Person,
      description: 'People (merged ones excluded).',
      args: {
        filter: t.arg({ type: PeopleFilter }),
        orderBy: t.arg({ type: PeopleOrder, defaultValue: 'FACE_COUNT' }),
      },
      resolve: async (_parent, args, ctx, info) => {
        const ids = orderedPersonIds(ctx, args.filter ?? {}, args.orderBy ?? 'FACE_COUNT');
        const connection = await resolveOffsetConnection(
          { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, totalCount: ids.length },
          async ({ limit, offset }) => {
            const page = ids.slice(offset, offset + limit);
            if (page.length === 0) return [];
            const query = queryFromInfo({
              config: drizzleConfig(),
              context: ctx,
              info,
              paths: NODE_PATHS,
              where: { id: { in: page } },
            });
            const rows = await ctx.db.query.people.findMany(query as { where: { id: { in: number[] } } });
            return inKeyOrder(page, rows, (row) => row.id);
          },
        );
        return { ...connection, totalCount: ids.length };
      },
    },
    { fields: (c) => ({ totalCount: c.exposeInt('totalCount') }) },
  ),
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

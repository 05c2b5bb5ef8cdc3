import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import { builder, MAX_PAGE_SIZE } from './builder.js';
import type { KindredContext } from './context.js';
import type { PhotoFilter, PhotoOrder } from './photo-filter.js';
import { inKeyOrder, photoHashPage } from './photo-pages.js';

export const DEFAULT_PAGE_SIZE = 50;
export const NODE_PATHS = [['nodes'], ['edges', 'node']];

type DrizzleSchemaConfig = Parameters<typeof queryFromInfo>[0]['config'];
let config: DrizzleSchemaConfig | undefined;
/** The drizzle plugin's schema config (read after the schema is built). */
export function drizzleConfig(): DrizzleSchemaConfig {
  config ??= getSchemaConfig(builder);
  return config;
}

interface PageArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

/**
 * A page of photos as a Relay connection: hashes come from one indexed SQL query, the rows (with whatever the
 * client selected under nodes/edges) from one planned drizzle query. `totalCount` is computed only when asked.
 */
export async function resolvePhotoConnection(
  ctx: KindredContext,
  info: GraphQLResolveInfo,
  args: PageArgs,
  filter: PhotoFilter,
  order: PhotoOrder,
  totalCount: () => number,
) {
  const connection = await resolveOffsetConnection(
    {
      args,
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
      // `last` without `before` counts back from the end, which needs the total.
      totalCount: args.last != null && args.before == null ? totalCount() : undefined,
    },
    async ({ limit, offset }) => {
      const hashes = photoHashPage(ctx.db, filter, order, limit, offset);
      if (hashes.length === 0) return [];
      const query = queryFromInfo({
        config: drizzleConfig(),
        context: ctx,
        info,
        paths: NODE_PATHS,
        where: { hash: { in: hashes } },
      });
      const rows = await ctx.db.query.photos.findMany(query as { where: { hash: { in: string[] } } });
      return inKeyOrder(hashes, rows, (row) => row.hash);
    },
  );
  return { ...connection, totalCount };
}

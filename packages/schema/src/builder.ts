import { relations } from '@kindred/db';
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { KindredContext } from './context.js';

/** The largest page any connection returns; larger `first`/`last` values are refused. */
export const MAX_PAGE_SIZE = 200;

export interface KindredPothosTypes {
  Context: KindredContext;
  DrizzleRelations: typeof relations;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
  };
}

export const builder = new SchemaBuilder<KindredPothosTypes>({
  plugins: [ErrorsPlugin, RelayPlugin, DataloaderPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    nodesOnConnection: true,
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: {
      description:
        'Any object by its id; null when there is none (a missing or merged-away id is not an error).',
      resolve: async (_root, args, _ctx, _info, resolveNode) => {
        try {
          return await resolveNode(args.id);
        } catch (error) {
          // plugin-drizzle's model loader throws "Model <table>(<id>) not found" for a missing row.
          if (error instanceof Error && /^Model \w+\(.*\) not found$/.test(error.message)) return null;
          throw error;
        }
      },
    },
  },
  errors: { defaultTypes: [] },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: 50,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});

/** The builder's resolved type map (for annotating exported refs). */
export type KindredTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

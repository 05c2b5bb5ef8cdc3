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

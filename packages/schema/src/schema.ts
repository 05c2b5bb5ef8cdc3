import type { GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './types/scalars.js';
import './types/photo-order.js';
import './types/photo.js';
import './types/face.js';
import './types/person.js';
import './types/album.js';
import './types/cluster.js';
import './queries/people.js';
import './queries/photos.js';
import './types/index-run.js';
import './types/folder.js';
import './types/duplicate-group.js';
import './types/stats.js';
import './queries/library.js';
import './types/errors.js';
import './types/account.js';
import './mutations/accounts.js';
import './mutations/people.js';
import './mutations/faces.js';
import './mutations/library.js';

builder.queryType({});
builder.mutationType({});

let schema: GraphQLSchema | undefined;

/** The Kindred GraphQL schema (built once). */
export function createSchema(): GraphQLSchema {
  schema ??= builder.toSchema({ sortSchema: true });
  return schema;
}

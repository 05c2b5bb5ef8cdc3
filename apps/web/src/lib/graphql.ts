import type { createKindredYoga } from '@kindred/schema';
import { connection } from 'next/server';
import { requestActor, requireMember } from '@/lib/auth';
import { database } from '@/lib/db';

export const GRAPHQL_ENDPOINT = '/api/graphql';

type Yoga = ReturnType<typeof createKindredYoga>;
let yoga: Promise<Yoga> | undefined;

/**
 * The one GraphQL server of this process: the route handler and server components share it.
 * @kindred/schema is loaded by Node at run time, not bundled: it reaches the face models (tfjs, wasm files)
 * through @kindred/vision, which a bundler cannot relocate.
 */
export function graphqlServer(): Promise<Yoga> {
  yoga ??= import(/* turbopackIgnore: true */ '@kindred/schema').then((schema) =>
    schema.createKindredYoga({
      db: database(),
      graphqlEndpoint: GRAPHQL_ENDPOINT,
      actorFor: (request) => requestActor(request.headers),
    }),
  );
  return yoga;
}

/** A GraphQL request that came back with errors. */
export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
}

/**
 * Runs a GraphQL document in-process (no HTTP) for server components, as the signed-in member (anyone else is sent
 * to the sign-in page); throws on errors.
 */
export async function query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
  await connection(); // always fresh: the family edits the data
  const { role, name, userId } = await requireMember();
  const server = await graphqlServer();
  const response = await server.fetch(
    `http://localhost${GRAPHQL_ENDPOINT}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-graphql-yoga-csrf': '1',
        'graphql-require-preflight': '1',
      },
      body: JSON.stringify({ query: document, variables }),
    },
    { actor: { role, name, userId } },
  );
  const result = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (result.errors?.length) throw new GraphQLRequestError(result.errors.map((e) => e.message).join('; '));
  if (!result.data) throw new GraphQLRequestError(`GraphQL answered ${response.status} without data`);
  return result.data;
}

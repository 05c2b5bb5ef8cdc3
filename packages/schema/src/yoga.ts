import { useGraphQlJit } from '@envelop/graphql-jit';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { KindredDb } from '@kindred/db';
import { type DefinitionNode, type DocumentNode, GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Actor, DescribeBox, KindredContext } from './context.js';
import { checkQueryLimits, DEFAULT_LIMITS, type QueryLimits } from './limits.js';
import { DEFAULT_RESPONSE_CACHE_ENTRIES, ResponseCache, useResponseCache } from './response-cache.js';
import { createSchema } from './schema.js';
import { OWNER_ONLY_FIELDS } from './types/account.js';

export interface KindredYogaOptions {
  db: KindredDb;
  graphqlEndpoint?: string;
  describeBox?: DescribeBox;
  /**
   * Who is asking; null refuses the request (401). Without it every request acts as the owner: only for tests and
   * in-process callers that checked the caller themselves. A caller in the same process can also pass the actor as
   * server context: `yoga.fetch(url, init, { actor })`.
   */
  actorFor?: (request: Pick<Request, 'headers'>) => Actor | null | Promise<Actor | null>;
  limits?: Partial<QueryLimits>;
  /** Query results kept for reuse until the database changes (`useResponseCache`); 0 turns it off. */
  responseCacheEntries?: number;
  /** The cache to fill (shared with an HTTP front that answers repeats itself); else one of `responseCacheEntries`. */
  responseCache?: ResponseCache;
}

const ROLE_RANK = { viewer: 0, editor: 1, owner: 2 } as const;

/** Server context a caller in the same process may pass to `yoga.fetch` (server components do). */
export interface KindredServerContext {
  actor?: Actor;
}

function rootFieldNames(document: DocumentNode, operationName: string | null | undefined): string[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === 'OperationDefinition' && (!operationName || definition.name?.value === operationName)
      ? definition.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []))
      : [],
  );
}

/**
 * The one place roles are checked: viewers may query, editors and owners may also mutate.
 * Also refuses operations over the depth, cost or page-size limits, with a clear error.
 */
function useKindredGuards(limits: QueryLimits): Plugin<KindredContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = checkQueryLimits(
        args.schema,
        args.document,
        args.operationName,
        (args.variableValues ?? {}) as Record<string, unknown>,
        limits,
      );
      const isMutation = (args.document as DocumentNode).definitions.some(
        (definition: DefinitionNode) =>
          definition.kind === 'OperationDefinition' && definition.operation === 'mutation',
      );
      const role = (args.contextValue as KindredContext).actor.role;
      if (isMutation && ROLE_RANK[role] < ROLE_RANK.editor) {
        errors.push(
          new GraphQLError(`the ${role} role may not change anything`, { extensions: { code: 'FORBIDDEN' } }),
        );
      }
      const ownerOnly = rootFieldNames(args.document, args.operationName).filter((f) =>
        OWNER_ONLY_FIELDS.has(f),
      );
      if (ownerOnly.length && role !== 'owner') {
        errors.push(
          new GraphQLError(`only the owner may use ${ownerOnly.join(', ')}`, {
            extensions: { code: 'FORBIDDEN' },
          }),
        );
      }
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };
}

async function resolveActor(options: KindredYogaOptions, request: Request): Promise<Actor> {
  if (!options.actorFor) return { role: 'owner' };
  const actor = await options.actorFor(request);
  if (actor) return actor;
  throw new GraphQLError('sign in first (or send a token: Authorization: Bearer …)', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/** The response cache these options ask for: the one given, else one of `responseCacheEntries` entries. */
export function responseCacheFor(options: KindredYogaOptions): ResponseCache {
  return (
    options.responseCache ?? new ResponseCache(options.responseCacheEntries ?? DEFAULT_RESPONSE_CACHE_ENTRIES)
  );
}

/** A graphql-yoga server for the Kindred schema: a fetch-API handler for Next.js route handlers and node:http. */
export function createKindredYoga(options: KindredYogaOptions) {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return createYoga<KindredServerContext, KindredContext>({
    schema: createSchema(),
    graphqlEndpoint: options.graphqlEndpoint ?? '/api/graphql',
    landingPage: false,
    graphiql: true,
    maskedErrors: { isDev: false },
    logging: false,
    plugins: [
      useCSRFPrevention(),
      useKindredGuards(limits),
      useResponseCache(responseCacheFor(options)),
      // Queries compiled to JavaScript once per document (graphql-jit): a photo's query then costs about a third
      // less CPU than under graphql-js's interpreter. Nested drizzle relations it resolves with one more batched
      // statement (the plugin's preloads are matched by graphql-js's path objects), still one per page.
      useGraphQlJit(),
    ],
    context: async ({ request, actor }) => ({
      db: options.db,
      actor: actor ?? (await resolveActor(options, request)),
      describeBox: options.describeBox,
    }),
  });
}

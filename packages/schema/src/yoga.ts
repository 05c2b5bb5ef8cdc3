import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { KindredDb } from '@kindred/db';
import { type DefinitionNode, type DocumentNode, GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Actor, DescribeBox, KindredContext } from './context.js';
import { checkQueryLimits, DEFAULT_LIMITS, type QueryLimits } from './limits.js';
import { createSchema } from './schema.js';

export interface KindredYogaOptions {
  db: KindredDb;
  graphqlEndpoint?: string;
  describeBox?: DescribeBox;
  /** Who is asking (auth arrives in issue 9). Default: the owner. */
  actorFor?: (request: Request) => Actor | Promise<Actor>;
  limits?: Partial<QueryLimits>;
}

const ROLE_RANK = { viewer: 0, editor: 1, owner: 2 } as const;

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
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };
}

/** A graphql-yoga server for the Kindred schema: a fetch-API handler for Next.js route handlers and node:http. */
export function createKindredYoga(options: KindredYogaOptions) {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return createYoga<Record<string, unknown>, KindredContext>({
    schema: createSchema(),
    graphqlEndpoint: options.graphqlEndpoint ?? '/api/graphql',
    landingPage: false,
    graphiql: true,
    maskedErrors: { isDev: false },
    logging: false,
    plugins: [useCSRFPrevention(), useKindredGuards(limits)],
    context: async ({ request }) => ({
      db: options.db,
      actor: options.actorFor ? await options.actorFor(request) : { role: 'owner' },
      describeBox: options.describeBox,
    }),
  });
}

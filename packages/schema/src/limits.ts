import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';

export interface QueryLimits {
  /** Deepest field nesting allowed (introspection fields are not counted). */
  maxDepth: number;
  /** Largest estimated number of fields resolved: each field costs 1 times the page sizes above it. */
  maxCost: number;
  /** Largest `first`/`last` a connection accepts. */
  maxPageSize: number;
  /** Page size assumed for a connection asked without `first`/`last`. */
  defaultPageSize: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxCost: 50_000,
  maxPageSize: 200,
  defaultPageSize: 50,
};

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: QueryLimits;
  errors: string[];
}

function argNumber(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  const result = valueFromASTUntyped(value, variables);
  return typeof result === 'number' ? result : undefined;
}

/** Returns [depth, cost] of a selection set below a parent type, recording violations in walk.errors. */
function measure(
  walk: Walk,
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  multiplier: number,
  seen: Set<string>,
) {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    let inner: [number, number] = [0, 0];
    if (selection.kind === 'Field') {
      if (selection.name.value.startsWith('__')) continue;
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
      const field = fields[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      const args = Object.fromEntries((selection.arguments ?? []).map((arg) => [arg.name.value, arg.value]));
      const page = argNumber(args.first, walk.variables) ?? argNumber(args.last, walk.variables);
      if (page !== undefined && (page > walk.limits.maxPageSize || page < 0)) {
        walk.errors.push(
          `${selection.name.value}: page size ${page} is outside 0..${walk.limits.maxPageSize}`,
        );
      }
      const isConnection = type.name.endsWith('Connection');
      const childMultiplier = multiplier * (isConnection ? (page ?? walk.limits.defaultPageSize) : 1);
      const [d, c] =
        selection.selectionSet && isCompositeType(type)
          ? measure(walk, selection.selectionSet, type, childMultiplier, seen)
          : [0, 0];
      inner = [d + 1, c + multiplier];
    } else if (selection.kind === 'InlineFragment') {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type))
        inner = measure(walk, selection.selectionSet, type, multiplier, seen);
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value);
      if (type && isCompositeType(type)) {
        inner = measure(
          walk,
          fragment.selectionSet,
          type,
          multiplier,
          new Set([...seen, fragment.name.value]),
        );
      }
    }
    depth = Math.max(depth, inner[0]);
    cost += inner[1];
  }
  return [depth, cost] as [number, number];
}

/** Checks an operation against the limits; returns a GraphQLError per violation (empty when allowed). */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits = DEFAULT_LIMITS,
): GraphQLError[] {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return [];
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'query'
        ? schema.getQueryType()
        : null;
  if (!root) return [];
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  const walk: Walk = { schema, fragments, variables, limits, errors: [] };
  const [depth, cost] = measure(walk, operation.selectionSet, root, 1, new Set());
  if (depth > limits.maxDepth)
    walk.errors.push(`query depth ${depth} exceeds the limit of ${limits.maxDepth}`);
  if (cost > limits.maxCost) walk.errors.push(`query cost ${cost} exceeds the limit of ${limits.maxCost}`);
  return walk.errors.map((message) => new GraphQLError(message, { extensions: { code: 'QUERY_LIMIT' } }));
}

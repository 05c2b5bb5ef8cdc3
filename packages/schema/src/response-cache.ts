import type { KindredDb } from '@kindred/db';
import type { DocumentNode, ExecutionResult } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { Actor, KindredContext } from './context.js';
import { dataStateKey } from './data-state.js';

export const DEFAULT_RESPONSE_CACHE_ENTRIES = 2000;

function isQuery(document: DocumentNode, operationName: string | null | undefined): boolean {
  return document.definitions.some(
    (d) =>
      d.kind === 'OperationDefinition' &&
      (!operationName || d.name?.value === operationName) &&
      d.operation === 'query',
  );
}

/**
 * The result with its JSON text computed once: yoga calls a result's own `stringify` when it has one, and
 * serializing was the largest cost of answering a repeat (JSON.stringify leaves the function out).
 */
function serializedOnce(result: ExecutionResult): ExecutionResult & { stringify(): string } {
  let json: string | undefined;
  return { ...result, stringify: () => (json ??= JSON.stringify(result)) };
}

/** What identifies an answer: the query text, operation, variables and who asked. */
export function responseCacheKey(
  params: Pick<GraphQLParams, 'query' | 'operationName' | 'variables'>,
  actor: Actor,
): string {
  return [
    params.query ?? '',
    params.operationName ?? '',
    JSON.stringify(params.variables ?? {}),
    actor.role,
    actor.userId ?? '',
    actor.name ?? '',
  ].join('\u0000');
}

/**
 * Query answers kept until the database changes (`dataStateKey`: any commit, by this process or another,
 * empties it), least recently used dropped first. Shared by the yoga plugin, which fills it, and the HTTP
 * front (`createKindredHttpHandler`), which answers repeats before yoga sees them.
 */
export class ResponseCache {
  private readonly entries = new Map<string, ExecutionResult & { stringify(): string }>();
  private state = '';

  constructor(readonly maxEntries: number) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** Empties the cache if the data changed since it was filled; returns the state the answers now belong to. */
  sync(db: KindredDb): string {
    const current = dataStateKey(db);
    if (current !== this.state) {
      this.entries.clear();
      this.state = current;
    }
    return current;
  }

  /** The answer kept for `key`; call `sync` first in the request. */
  get(key: string): (ExecutionResult & { stringify(): string }) | undefined {
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, kept);
    }
    return kept;
  }

  /** Keeps a result computed in data state `state` (dropped if the data moved meanwhile); returns it serializable once. */
  set(db: KindredDb, key: string, state: string, result: ExecutionResult): ExecutionResult {
    const kept = serializedOnce(result);
    if (dataStateKey(db) !== state || state !== this.state) return kept; // changed while it ran: may be mixed
    this.entries.set(key, kept);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return kept;
  }
}

/**
 * Answers a query again from the result computed for the same query, variables and caller, as long as the
 * database has not changed since. A family gallery reads far more than it writes: the people page, a person's
 * photos and a photo's faces are asked for over and over between edits. Mutations, and results with errors,
 * are never cached. Runs after the guards, so a refused operation never reaches it.
 */
export function useResponseCache(cache: ResponseCache): Plugin<KindredContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!cache.enabled) return;
      const document = args.document as DocumentNode;
      if (!isQuery(document, args.operationName)) return;
      const context = args.contextValue as KindredContext & { params?: GraphQLParams };
      if (typeof context.params?.query !== 'string') return;
      const key = responseCacheKey(context.params, context.actor);
      const state = cache.sync(context.db);
      const cached = cache.get(key);
      if (cached) {
        setResultAndStopExecution(cached);
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          const plain = result as ExecutionResult;
          if (Symbol.asyncIterator in (result as object) || plain.errors?.length) return;
          setResult(cache.set(context.db, key, state, plain));
        },
      };
    },
  };
}

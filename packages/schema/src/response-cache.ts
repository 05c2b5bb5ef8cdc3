import type { DocumentNode, ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Actor, KindredContext } from './context.js';
import { dataStateKey } from './data-state.js';

export interface ResponseCacheOptions {
  /** Results kept (least recently used dropped first). 0 turns the cache off. */
  maxEntries: number;
}

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
function serializedOnce(result: ExecutionResult): ExecutionResult {
  let json: string | undefined;
  return { ...result, stringify: () => (json ??= JSON.stringify(result)) } as ExecutionResult;
}

function actorKey(actor: Actor): string {
  return `${actor.role}\u0000${actor.userId ?? ''}\u0000${actor.name ?? ''}`;
}

/**
 * Answers a query again from the result computed for the same query, variables and caller, as long as the
 * database has not changed since (`dataStateKey`: any commit, by this process or another, empties the cache).
 * A family gallery reads far more than it writes: the people page, a person's photos and a photo's faces are
 * asked for over and over between edits. Mutations, and results with errors, are never cached. Runs after
 * the guards, so a refused operation never reaches it.
 */
export function useResponseCache(options: ResponseCacheOptions): Plugin<KindredContext> {
  const entries = new Map<string, ExecutionResult>();
  const documentIds = new WeakMap<DocumentNode, number>(); // yoga reuses the parsed document of the same text
  let nextDocumentId = 1;
  let state = '';
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (options.maxEntries <= 0) return;
      const document = args.document as DocumentNode;
      if (!isQuery(document, args.operationName)) return;
      const context = args.contextValue as KindredContext;
      const current = dataStateKey(context.db);
      if (current !== state) {
        entries.clear();
        state = current;
      }
      let documentId = documentIds.get(document);
      if (documentId === undefined) {
        documentId = nextDocumentId++;
        documentIds.set(document, documentId);
      }
      const key = `${documentId}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${actorKey(context.actor)}`;
      const cached = entries.get(key);
      if (cached) {
        entries.delete(key); // most recently used last
        entries.set(key, cached);
        setResultAndStopExecution(cached);
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          const plain = result as ExecutionResult;
          if (Symbol.asyncIterator in (result as object) || plain.errors?.length) return;
          if (dataStateKey(context.db) !== current) return; // changed while it ran: the result may be mixed
          const kept = serializedOnce(plain);
          setResult(kept);
          entries.set(key, kept);
          if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
        },
      };
    },
  };
}

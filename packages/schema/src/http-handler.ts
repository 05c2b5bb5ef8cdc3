import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from './context.js';
import { type QueryParams, runQueryDirectly } from './direct-query.js';
import { responseCacheKey } from './response-cache.js';
import { createKindredYoga, type KindredYogaOptions, responseCacheFor } from './yoga.js';

/** Accept headers whose answer is plain `application/json` (what yoga sends them), so a repeat can be sent as is. */
const PLAIN_JSON_ACCEPTS = new Set(['', '*/*', 'application/json']);

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, json: string) {
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}

function parseParams(body: string): QueryParams | null {
  try {
    const params = JSON.parse(body) as Record<string, unknown>;
    if (typeof params?.query !== 'string') return null;
    if (params.operationName != null && typeof params.operationName !== 'string') return null;
    if (params.variables != null && typeof params.variables !== 'object') return null;
    return params as unknown as QueryParams;
  } catch {
    return null;
  }
}

/**
 * The API as a node:http handler (what `kindred api` serves). A POST of JSON whose answer is in the response
 * cache (the same query, variables and caller, the data unchanged) is answered here, without yoga's request
 * and response objects, its parse and its plugins: that handling cost about 1 ms of CPU per request, ten times
 * what a repeat costs this way. A first ask of a query runs through yoga's envelop pipeline without yoga's
 * request handling (`runQueryDirectly`), which fills the cache. Everything else (mutations, other content types,
 * GET, answers with errors) goes to yoga. A cached answer was produced for the same caller after the guards
 * passed, so sending it again is safe.
 */
export function createKindredHttpHandler(options: KindredYogaOptions) {
  const cache = responseCacheFor(options);
  const yoga = createKindredYoga({ ...options, responseCache: cache });
  const endpoint = yoga.graphqlEndpoint;
  /** How requests were answered (for tests and diagnostics). */
  const counts = { fromCache: 0, direct: 0, byYoga: 0 };

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const params = parseParams(body);
    const actor: Actor | null = options.actorFor
      ? await options.actorFor({ headers: headersOf(request) })
      : { role: 'owner' };
    if (params && actor && cache.enabled) {
      cache.sync(options.db);
      const hit = cache.get(responseCacheKey(params, actor));
      if (hit) {
        sendJson(response, hit.stringify());
        counts.fromCache++;
        return;
      }
    }
    if (params && actor) {
      const result = await runQueryDirectly(yoga, params, actor);
      if (result) {
        sendJson(response, result.stringify?.() ?? JSON.stringify(result));
        counts.direct++;
        return;
      }
    }
    counts.byYoga++;
    // The body is read: yoga takes it from `request.body`, as it would from a body parser (Express…).
    (request as IncomingMessage & { body?: string }).body = body;
    await yoga(request, response, actor ? { actor } : {}); // no caller: yoga refuses with its own 401
  }

  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '').split('?')[0];
    const accept = (request.headers.accept ?? '').trim();
    const json = (request.headers['content-type'] ?? '').startsWith('application/json');
    if (request.method !== 'POST' || path !== endpoint || !json || !PLAIN_JSON_ACCEPTS.has(accept)) {
      counts.byYoga++;
      void yoga(request, response);
      return;
    }
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ errors: [{ message: `internal error: ${(error as Error).message}` }] }));
    });
  };
  return { handler, yoga, cache, counts };
}

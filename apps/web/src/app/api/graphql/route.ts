import { requestActor } from '@/lib/auth';
import { graphqlServer } from '@/lib/graphql';
import { isSameOrigin, jsonError } from '@/lib/request-checks';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The GraphQL endpoint for the gallery's own pages (session cookie) and for scripts (bearer token). A cookie-signed
 * request must come from a page of this site (CSRF); anonymous callers get 401 from the schema's guard.
 */
async function handle(request: Request) {
  const actor = await requestActor(request.headers);
  if (actor?.via === 'session' && request.method !== 'GET' && !isSameOrigin(request)) {
    return jsonError(403, 'cross-site request refused');
  }
  return (await graphqlServer()).fetch(request, actor ? { actor } : {});
}

export { handle as GET, handle as POST };

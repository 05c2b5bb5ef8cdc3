import type { RequestActor } from '@kindred/auth';
import { requestActor } from '@/lib/auth';

type Handler<C> = (request: Request, context: C, actor: RequestActor) => Promise<Response>;

/** Wraps a route handler so it answers signed-in members and live tokens only (401 for everyone else). */
export function memberRoute<C>(handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    const actor = await requestActor(request.headers);
    if (!actor) {
      return new Response('Sign in first', {
        status: 401,
        headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
      });
    }
    return handler(request, context, actor);
  };
}

import type { KindredDb } from '@kindred/db';
import type { KindredAuth } from './auth-server.js';
import { isRole, type Role } from './roles.js';
import { verifyToken } from './tokens.js';

/** Who a request comes from: a signed-in family member or a script's token. */
export interface RequestActor {
  role: Role;
  /** Shown in the edit history: the member's name, or `token:<name>`. */
  name: string;
  /** How the request proved who it is; cookie-authenticated writes need a same-origin check (CSRF). */
  via: 'session' | 'token';
  userId?: string;
}

/** The bearer token of an `Authorization` header, if any. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

/** The actor of a request that carries a live bearer token, else null (scripts; no sessions). */
export function tokenActor(db: KindredDb, headers: Headers): RequestActor | null {
  const token = bearerToken(headers);
  const found = token ? verifyToken(db, token) : null;
  return found ? { role: found.role, name: `token:${found.name}`, via: 'token' } : null;
}

/**
 * Resolves the actor of a request: a bearer token when one is sent (and only it: a bad token is refused even when
 * a cookie is present), else the session cookie. Null when neither proves anything.
 */
export async function actorFor(
  auth: KindredAuth,
  db: KindredDb,
  headers: Headers,
): Promise<RequestActor | null> {
  if (bearerToken(headers)) return tokenActor(db, headers);
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const role = (session.user as { role?: unknown }).role;
  return {
    role: isRole(role) ? role : 'viewer',
    name: session.user.name,
    via: 'session',
    userId: session.user.id,
  };
}

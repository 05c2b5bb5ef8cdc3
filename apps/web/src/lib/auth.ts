import { actorFor, createKindredAuth, type KindredAuth, ownerExists, type RequestActor } from '@kindred/auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { env } from '@/env';
import { database } from '@/lib/db';

let auth: KindredAuth | undefined;

/** The one better-auth instance of this server process. */
export function kindredAuth(): KindredAuth {
  auth ??= createKindredAuth(database(), {
    publicUrl: env().publicUrl,
    signInPerMinute: env().signInPerMinute,
  });
  return auth;
}

/** Who sent this request (session cookie or bearer token), or null. */
export function requestActor(requestHeaders: Headers): Promise<RequestActor | null> {
  return actorFor(kindredAuth(), database(), requestHeaders);
}

/** True until the first owner account exists: then every page leads to /setup. */
export function needsSetup(): boolean {
  return !ownerExists(database());
}

/**
 * The signed-in member for a page or a server-side query; sends everyone else to /setup (fresh install) or
 * /login (coming back to the page they asked for).
 */
export const requireMember = cache(async (): Promise<RequestActor> => {
  const requestHeaders = await headers();
  if (needsSetup()) redirect('/setup');
  const actor = await requestActor(requestHeaders);
  if (!actor) {
    const wanted = requestHeaders.get('x-kindred-path') ?? '/';
    redirect(wanted === '/' ? '/login' : `/login?next=${encodeURIComponent(wanted)}`);
  }
  return actor;
});

/** True when the signed-in member may change names, faces and albums (editors and owners). */
export async function canEdit(): Promise<boolean> {
  return (await requireMember()).role !== 'viewer';
}

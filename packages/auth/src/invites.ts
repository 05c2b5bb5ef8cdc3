import { invites, type KindredDb } from '@kindred/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { AuthError, type Role } from './roles.js';
import { newSecret, secretHash } from './secrets.js';
import { createUser, type NewUser, type UserSummary } from './users.js';

const DAY_MS = 24 * 60 * 60_000;

/** Creates a one-time invitation; returns its secret (put it in the link), valid for `days`. */
export function createInvite(db: KindredDb, role: Role, createdBy: string | null, days = 7): string {
  if (!(days > 0 && days <= 90)) throw new AuthError('an invitation lasts from 1 to 90 days');
  const secret = newSecret('inv');
  db.insert(invites)
    .values({
      role,
      tokenHash: secretHash(secret),
      createdBy,
      expiresAt: new Date(Date.now() + days * DAY_MS),
    })
    .run();
  return secret;
}

function liveInvite(db: KindredDb, secret: string) {
  return db
    .select()
    .from(invites)
    .where(
      and(
        eq(invites.tokenHash, secretHash(secret)),
        isNull(invites.usedAt),
        gt(invites.expiresAt, new Date()),
      ),
    )
    .get();
}

/** The role a live invitation offers, or null when it is unknown, used or expired. */
export function inviteRole(db: KindredDb, secret: string): Role | null {
  return liveInvite(db, secret)?.role ?? null;
}

/** Uses an invitation to create the invited account (once). */
export async function acceptInvite(
  db: KindredDb,
  secret: string,
  person: Omit<NewUser, 'role'>,
): Promise<UserSummary> {
  const invite = liveInvite(db, secret);
  if (!invite) throw new AuthError('this invitation is unknown, used or expired; ask for a new link');
  const used = db
    .update(invites)
    .set({ usedAt: new Date(), usedBy: person.email })
    .where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
    .run();
  if (used.changes === 0) throw new AuthError('this invitation was just used');
  try {
    return await createUser(db, { ...person, role: invite.role });
  } catch (error) {
    db.update(invites).set({ usedAt: null, usedBy: null }).where(eq(invites.id, invite.id)).run();
    throw error;
  }
}

import { type KindredDb, loginFailures } from '@kindred/db';
import { eq } from 'drizzle-orm';

/** Wrong passwords allowed before the account waits; each further failure doubles the wait, up to an hour. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60_000;

function key(email: string): string {
  return email.trim().toLowerCase();
}

/** When sign-in for this address is next allowed, or null when it is allowed now. */
export function lockedUntil(db: KindredDb, email: string, now = Date.now()): Date | null {
  const row = db
    .select()
    .from(loginFailures)
    .where(eq(loginFailures.email, key(email)))
    .get();
  if (!row?.lockedUntil || row.lockedUntil.getTime() <= now) return null;
  return row.lockedUntil;
}

/** Records a wrong password and returns the wait it earned (null when none yet). */
export function recordFailure(db: KindredDb, email: string, now = Date.now()): Date | null {
  const row = db
    .select()
    .from(loginFailures)
    .where(eq(loginFailures.email, key(email)))
    .get();
  const failures = (row?.failures ?? 0) + 1;
  const extra = failures - FREE_FAILURES;
  const until = extra >= 0 ? new Date(now + Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** extra)) : null;
  db.insert(loginFailures)
    .values({ email: key(email), failures, lockedUntil: until })
    .onConflictDoUpdate({ target: loginFailures.email, set: { failures, lockedUntil: until } })
    .run();
  return until;
}

export function clearFailures(db: KindredDb, email: string): void {
  db.delete(loginFailures)
    .where(eq(loginFailures.email, key(email)))
    .run();
}

import { randomBytes } from 'node:crypto';
import { type KindredDb, settings } from '@kindred/db';
import { eq } from 'drizzle-orm';

const SECRET_KEY = 'auth.secret';

/**
 * The key better-auth signs cookies with: made once per database and kept in `settings`, so the gallery, the CLI
 * and every restart agree without any configuration. Whoever can read the database file can read the photos' labels
 * anyway; the secret adds nothing to protect there.
 */
export function authSecret(db: KindredDb): string {
  const row = db.select().from(settings).where(eq(settings.key, SECRET_KEY)).get();
  if (row && typeof row.value === 'string') return row.value;
  const secret = randomBytes(32).toString('base64url');
  db.insert(settings).values({ key: SECRET_KEY, value: secret }).onConflictDoNothing().run();
  const stored = db.select().from(settings).where(eq(settings.key, SECRET_KEY)).get();
  return String(stored?.value ?? secret);
}

import { apiTokens, type KindredDb } from '@kindred/db';
import { and, eq, isNull } from 'drizzle-orm';
import { AuthError, type Role } from './roles.js';
import { newSecret, secretHash } from './secrets.js';

const STAMP_EVERY_MS = 60_000;

export interface TokenSummary {
  name: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Creates a token for scripts; the token itself is returned once and only its hash is kept. */
export function createToken(db: KindredDb, name: string, role: Role): string {
  const label = name.trim();
  if (!/^[\w.-]{1,64}$/.test(label)) {
    throw new AuthError('a token name is 1 to 64 letters, digits, dots, dashes or underscores');
  }
  const existing = db.select().from(apiTokens).where(eq(apiTokens.name, label)).get();
  if (existing && !existing.revokedAt) {
    throw new AuthError(`a token named "${label}" exists already (revoke it first, or pick another name)`);
  }
  const token = newSecret('kdr');
  db.transaction((tx) => {
    if (existing) tx.delete(apiTokens).where(eq(apiTokens.id, existing.id)).run();
    tx.insert(apiTokens)
      .values({ name: label, role, tokenHash: secretHash(token) })
      .run();
  });
  return token;
}

/** The role of a live token, or null. Records when it was last used. */
export function verifyToken(db: KindredDb, token: string): { name: string; role: Role } | null {
  const row = db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, secretHash(token)), isNull(apiTokens.revokedAt)))
    .get();
  if (!row) return null;
  // "Last used" to the minute: stamping every request would turn every API read into a write.
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > STAMP_EVERY_MS) {
    db.update(apiTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiTokens.id, row.id))
      .run();
  }
  return { name: row.name, role: row.role };
}

/** Revokes a token by name; the row stays so `token list` shows when it was revoked. */
export function revokeToken(db: KindredDb, name: string): void {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.name, name), isNull(apiTokens.revokedAt)))
    .run();
  if (result.changes === 0) throw new AuthError(`no live token named "${name}"`);
}

export function listTokens(db: KindredDb): TokenSummary[] {
  return db
    .select()
    .from(apiTokens)
    .orderBy(apiTokens.createdAt)
    .all()
    .map(({ name, role, createdAt, lastUsedAt, revokedAt }) => ({
      name,
      role,
      createdAt,
      lastUsedAt,
      revokedAt,
    }));
}

import { randomUUID } from 'node:crypto';
import { accounts, type KindredDb, sessions, users } from '@kindred/db';
import { hashPassword } from 'better-auth/crypto';
import { and, count, eq } from 'drizzle-orm';
import { AuthError, type Role } from './roles.js';

export const MIN_PASSWORD_LENGTH = 10;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  sessions: number;
}

function normalEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  if (!EMAIL.test(trimmed)) throw new AuthError(`"${email}" is not an e-mail address`);
  return trimmed;
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AuthError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

export function ownerExists(db: KindredDb): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.role, 'owner')).limit(1).all().length > 0;
}

function findUser(db: KindredDb, email: string) {
  const user = db
    .select()
    .from(users)
    .where(eq(users.email, normalEmail(email)))
    .get();
  if (!user) throw new AuthError(`no account for ${email}`);
  return user;
}

/** Creates an account that signs in with e-mail and password (scrypt hash, as better-auth verifies it). */
export async function createUser(db: KindredDb, input: NewUser): Promise<UserSummary> {
  const email = normalEmail(input.email);
  const name = input.name.trim();
  if (!name) throw new AuthError('a name is needed');
  checkPassword(input.password);
  const hash = await hashPassword(input.password);
  const id = randomUUID();
  db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new AuthError(`${email} already has an account`);
    }
    tx.insert(users).values({ id, email, name, role: input.role, emailVerified: true }).run();
    tx.insert(accounts)
      .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash })
      .run();
  });
  return { id, email, name, role: input.role, createdAt: new Date(), sessions: 0 };
}

export function listUsers(db: KindredDb): UserSummary[] {
  const open = new Map(
    db
      .select({ userId: sessions.userId, n: count() })
      .from(sessions)
      .groupBy(sessions.userId)
      .all()
      .map((row) => [row.userId, row.n]),
  );
  return db
    .select()
    .from(users)
    .orderBy(users.createdAt)
    .all()
    .map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      createdAt: u.createdAt,
      sessions: open.get(u.id) ?? 0,
    }));
}

function refuseLastOwner(db: KindredDb, user: { id: string; role: Role }, what: string): void {
  if (user.role !== 'owner') return;
  const owners = db.select({ n: count() }).from(users).where(eq(users.role, 'owner')).get()?.n ?? 0;
  if (owners <= 1) throw new AuthError(`cannot ${what} the only owner; make someone else owner first`);
}

export function removeUser(db: KindredDb, email: string): void {
  const user = findUser(db, email);
  refuseLastOwner(db, user, 'remove');
  db.delete(users).where(eq(users.id, user.id)).run();
}

export function setRole(db: KindredDb, email: string, role: Role): void {
  const user = findUser(db, email);
  if (role !== 'owner') refuseLastOwner(db, user, 'demote');
  db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, user.id)).run();
}

/** Signs the account out of every browser. Returns how many sessions ended. */
export function signOutEverywhere(db: KindredDb, email: string): number {
  const user = findUser(db, email);
  return db.delete(sessions).where(eq(sessions.userId, user.id)).run().changes;
}

/** Sets a new password and signs the account out everywhere. */
export async function setPassword(db: KindredDb, email: string, password: string): Promise<void> {
  const user = findUser(db, email);
  checkPassword(password);
  const hash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(accounts)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(accounts.userId, user.id), eq(accounts.providerId, 'credential')))
      .run();
    tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
  });
}

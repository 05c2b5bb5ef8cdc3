import { accounts, type KindredDb, rateLimits, sessions, users, verifications } from '@kindred/db';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { clearFailures, lockedUntil, recordFailure } from './lockout.js';
import { ROLES } from './roles.js';
import { authSecret } from './secret.js';

export interface KindredAuthOptions {
  /** How long a sign-in lasts without use, in seconds (default 30 days; each day of use extends it). */
  sessionSeconds?: number;
  /**
   * The gallery's public address (e.g. https://photos.example.org) when it is served behind a proxy; by default the
   * address each request was sent to, so only pages of that same origin may post to the sign-in endpoints.
   */
  publicUrl?: string;
  /** Sign-in attempts per minute per client address (default 10). */
  signInPerMinute?: number;
}

const SIGN_IN = '/sign-in/email';

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : null;
}

/** Waits out a lockout with a clear answer, before better-auth checks the password. */
const refuseLockedAccounts = (db: KindredDb) =>
  createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN) return;
    const email = emailOf(ctx.body);
    const until = email ? lockedUntil(db, email) : null;
    if (until) {
      const seconds = Math.ceil((until.getTime() - Date.now()) / 1000);
      throw new APIError('TOO_MANY_REQUESTS', {
        message: `Too many wrong passwords. Try again in ${seconds} s.`,
        code: 'ACCOUNT_LOCKED',
      });
    }
  });

/** Counts wrong passwords per address (the lockout backoff) and forgets them after a success. */
const countFailures = (db: KindredDb) =>
  createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN) return;
    const email = emailOf(ctx.body);
    if (!email) return;
    if (ctx.context.returned instanceof APIError) recordFailure(db, email);
    else if (ctx.context.newSession) clearFailures(db, email);
  });

/**
 * better-auth over the Kindred database: e-mail and password sign-in (scrypt), sessions in HTTP-only SameSite=Lax
 * cookies, per-address rate limits kept in the database, and a lockout backoff per account. Nobody signs themselves
 * up: accounts come from `kindred user add`, the first-run setup page, or an owner's invitation.
 */
export function createKindredAuth(db: KindredDb, options: KindredAuthOptions = {}) {
  const sessionSeconds = options.sessionSeconds ?? 30 * 24 * 60 * 60;
  return betterAuth({
    appName: 'Kindred',
    secret: authSecret(db),
    baseURL: options.publicUrl,
    // Same-origin only: a page may post to the sign-in endpoints when its Origin is the host it was served from.
    trustedOrigins: (request) => {
      const host = request?.headers.get('host');
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    database: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    user: {
      additionalFields: { role: { type: [...ROLES], required: false, input: false, defaultValue: 'viewer' } },
    },
    session: {
      expiresIn: sessionSeconds,
      updateAge: Math.min(24 * 60 * 60, Math.floor(sessionSeconds / 2)),
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: { [SIGN_IN]: { window: 60, max: options.signInPerMinute ?? 10 } },
    },
    advanced: {
      cookiePrefix: 'kindred',
      // The client address for the per-address limit: Next.js puts the peer address in x-forwarded-for.
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    hooks: { before: refuseLockedAccounts(db), after: countFailures(db) },
    telemetry: { enabled: false },
    logger: { level: 'error' },
  });
}

export type KindredAuth = ReturnType<typeof createKindredAuth>;

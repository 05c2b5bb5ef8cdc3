import {
  type Role as AccountRole,
  listTokens,
  listUsers,
  type TokenSummary,
  type UserSummary,
} from '@kindred/auth';
import { users } from '@kindred/db';
import { eq } from 'drizzle-orm';
import { builder } from '../builder.js';

export const RoleEnum = builder.enumType('Role', {
  description: 'owner: everything, accounts too. editor: names, faces, albums. viewer: browse only.',
  values: ['owner', 'editor', 'viewer'] as const,
});

const Member = builder.objectRef<UserSummary>('Member').implement({
  description: 'A family member with an account.',
  fields: (t) => ({
    id: t.exposeString('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    createdAt: t.string({ resolve: (u) => u.createdAt.toISOString() }),
    sessions: t.exposeInt('sessions', { description: 'Browsers signed in now.' }),
  }),
});

const ApiToken = builder.objectRef<TokenSummary>('ApiToken').implement({
  description: 'A token for scripts (the secret itself is shown once, by `kindred token create`).',
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (token) => token.role }),
    createdAt: t.string({ resolve: (token) => token.createdAt.toISOString() }),
    lastUsedAt: t.string({ nullable: true, resolve: (token) => token.lastUsedAt?.toISOString() ?? null }),
    revokedAt: t.string({ nullable: true, resolve: (token) => token.revokedAt?.toISOString() ?? null }),
  }),
});

interface MeShape {
  name: string;
  role: AccountRole;
  email: string | null;
}

const Me = builder.objectRef<MeShape>('Me').implement({
  description: 'Who is asking.',
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (me) => me.role }),
    email: t.exposeString('email', { nullable: true, description: 'Null for script tokens.' }),
  }),
});

/** Root fields only the owner may use; yoga.ts refuses them for everyone else. */
export const OWNER_ONLY_FIELDS = new Set([
  'members',
  'apiTokens',
  'createInvite',
  'setMemberRole',
  'removeMember',
  'revokeApiToken',
]);

builder.queryFields((t) => ({
  me: t.field({
    type: Me,
    resolve: (_root, _args, ctx) => {
      const account = ctx.actor.userId
        ? ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.userId)).get()
        : undefined;
      return { name: ctx.actor.name ?? ctx.actor.role, role: ctx.actor.role, email: account?.email ?? null };
    },
  }),
  members: t.field({
    type: [Member],
    description: 'Every account (owner only).',
    resolve: (_root, _args, ctx) => listUsers(ctx.db),
  }),
  apiTokens: t.field({
    type: [ApiToken],
    description: 'Script tokens, revoked ones included (owner only).',
    resolve: (_root, _args, ctx) => listTokens(ctx.db),
  }),
}));

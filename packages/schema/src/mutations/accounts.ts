import { AuthError, createInvite, removeUser, revokeToken, setRole } from '@kindred/auth';
import { builder } from '../builder.js';
import { InvalidInputError } from '../domain/errors.js';
import { RoleEnum } from '../types/account.js';
import { MUTATION_ERRORS } from '../types/errors.js';

const errors = { types: MUTATION_ERRORS, directResult: true } as const;
const INVITE_DAYS = 7;

/** Account rules speak AuthError; the API answers them as InvalidInputError results. */
function asInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AuthError) throw new InvalidInputError(error.message);
    throw error;
  }
}

const InvitePayload = builder
  .objectRef<{ path: string; role: 'owner' | 'editor' | 'viewer'; expiresAt: string }>('InvitePayload')
  .implement({
    fields: (t) => ({
      path: t.exposeString('path', { description: 'Open it on this server, e.g. http://host:3000 + path.' }),
      role: t.field({ type: RoleEnum, resolve: (invite) => invite.role }),
      expiresAt: t.exposeString('expiresAt'),
    }),
  });

const DonePayload = builder.objectRef<{ ok: boolean }>('DonePayload').implement({
  fields: (t) => ({ ok: t.exposeBoolean('ok') }),
});

builder.mutationFields((t) => ({
  createInvite: t.field({
    type: InvitePayload,
    errors,
    description: `A one-time link for a family member to make their account (owner only; lasts ${INVITE_DAYS} days).`,
    args: { role: t.arg({ type: RoleEnum, required: true }) },
    resolve: (_root, args, ctx) =>
      asInput(() => {
        const secret = createInvite(ctx.db, args.role, ctx.actor.userId ?? null, INVITE_DAYS);
        const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000).toISOString();
        return { path: `/invite/${secret}`, role: args.role, expiresAt };
      }),
  }),
  setMemberRole: t.field({
    type: DonePayload,
    errors,
    description: 'Changes what a member may do (owner only; the last owner stays owner).',
    args: { email: t.arg.string({ required: true }), role: t.arg({ type: RoleEnum, required: true }) },
    resolve: (_root, args, ctx) => asInput(() => (setRole(ctx.db, args.email, args.role), { ok: true })),
  }),
  removeMember: t.field({
    type: DonePayload,
    errors,
    description: 'Deletes an account and signs it out everywhere (owner only; never the last owner).',
    args: { email: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => asInput(() => (removeUser(ctx.db, args.email), { ok: true })),
  }),
  revokeApiToken: t.field({
    type: DonePayload,
    errors,
    description: 'Stops a script token from working (owner only).',
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => asInput(() => (revokeToken(ctx.db, args.name), { ok: true })),
  }),
}));

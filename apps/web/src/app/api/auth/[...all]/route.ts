import { kindredAuth } from '@/lib/auth';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** better-auth's endpoints: sign-in, sign-out, session, revoke-sessions (sign-up is switched off). */
async function handle(request: Request) {
  return kindredAuth().handler(request);
}

export { handle as GET, handle as POST };

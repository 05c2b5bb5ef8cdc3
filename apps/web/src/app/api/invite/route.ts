import { AuthError, acceptInvite } from '@kindred/auth';
import { readAccountBody, signInAfterCreating } from '@/lib/account-requests';
import { kindredAuth } from '@/lib/auth';
import { database } from '@/lib/db';
import { isSameOrigin, jsonError } from '@/lib/request-checks';

export const runtime = 'nodejs';

/** Uses an invitation: creates the invited member's account (once) and signs them in. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return jsonError(403, 'cross-site request refused');
  const body = await readAccountBody(request);
  if (!body?.secret) return jsonError(400, 'the invitation, name, e-mail and password are needed');
  try {
    await acceptInvite(database(), body.secret, body);
  } catch (error) {
    if (error instanceof AuthError) return jsonError(400, error.message);
    throw error;
  }
  return signInAfterCreating(kindredAuth(), request, body);
}

import { AuthError, createUser } from '@kindred/auth';
import { readAccountBody, signInAfterCreating } from '@/lib/account-requests';
import { kindredAuth, needsSetup } from '@/lib/auth';
import { database } from '@/lib/db';
import { isLocalPeer, isSameOrigin, jsonError } from '@/lib/request-checks';

export const runtime = 'nodejs';

/** Creates the first owner (once, from this computer only) and signs them in. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return jsonError(403, 'cross-site request refused');
  if (!isLocalPeer(request.headers))
    return jsonError(403, 'the owner account can only be made on this computer');
  if (!needsSetup()) return jsonError(409, 'Kindred already has an owner; sign in instead');
  const body = await readAccountBody(request);
  if (!body) return jsonError(400, 'name, e-mail and password are needed');
  try {
    await createUser(database(), { ...body, role: 'owner' });
  } catch (error) {
    if (error instanceof AuthError) return jsonError(400, error.message);
    throw error;
  }
  return signInAfterCreating(kindredAuth(), request, body);
}

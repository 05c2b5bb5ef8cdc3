import type { KindredAuth } from '@kindred/auth';

export interface AccountBody {
  name: string;
  email: string;
  password: string;
  secret?: string;
}

/** The JSON body of the setup and invitation forms, or null when it is malformed. */
export async function readAccountBody(request: Request): Promise<AccountBody | null> {
  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
  const text = (key: string) => (typeof body?.[key] === 'string' ? (body[key] as string) : '');
  if (!text('name').trim() || !text('email') || !text('password')) return null;
  return {
    name: text('name'),
    email: text('email'),
    password: text('password'),
    secret: text('secret') || undefined,
  };
}

/** Signs a just-created account in: better-auth's own answer, with its session cookie. */
export function signInAfterCreating(
  auth: KindredAuth,
  request: Request,
  body: AccountBody,
): Promise<Response> {
  return auth.api.signInEmail({
    body: { email: body.email, password: body.password },
    headers: request.headers,
    asResponse: true,
  });
}

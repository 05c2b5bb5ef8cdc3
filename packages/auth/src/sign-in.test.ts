import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type KindredDb, openDatabase, sessions } from '@kindred/db';
import { tempDir } from '@kindred/testing';
import { actorFor } from './actor.js';
import { createKindredAuth, type KindredAuth } from './auth-server.js';
import { FREE_FAILURES } from './lockout.js';
import { createUser, setPassword, signOutEverywhere } from './users.js';

const ORIGIN = 'http://127.0.0.1:3000';
const PASSWORD = 'correct horse battery';

function signIn(auth: KindredAuth, email: string, password: string, ip = '10.0.0.1'): Promise<Response> {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

function cookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('kindred.session_token='));
  assert.ok(cookie, 'a session cookie is set');
  return cookie.split(';')[0] as string;
}

describe('signing in with better-auth over the Kindred database', () => {
  const dir = tempDir();
  let db: KindredDb;
  let auth: KindredAuth;
  before(async () => {
    db = openDatabase(join(dir.path, 'kindred.db'));
    auth = createKindredAuth(db, { signInPerMinute: 100 });
    await createUser(db, {
      email: 'Grandma@Family.example',
      name: 'Grandma',
      password: PASSWORD,
      role: 'owner',
    });
    await createUser(db, { email: 'tom@family.example', name: 'Tom', password: PASSWORD, role: 'viewer' });
  });
  after(() => {
    db.$client.close();
    dir.cleanup();
  });

  test('a right password gives an HTTP-only SameSite cookie that identifies the member and role', async () => {
    const response = await signIn(auth, 'grandma@family.example', PASSWORD);
    assert.equal(response.status, 200);
    const raw = response.headers.getSetCookie().join('\n');
    assert.match(raw, /HttpOnly/i);
    assert.match(raw, /SameSite=Lax/i);
    const actor = await actorFor(auth, db, new Headers({ cookie: cookieOf(response) }));
    assert.deepEqual(
      { role: actor?.role, name: actor?.name, via: actor?.via },
      { role: 'owner', name: 'Grandma', via: 'session' },
    );
  });

  test('a wrong password is refused and nothing identifies the caller', async () => {
    const response = await signIn(auth, 'tom@family.example', 'not the password');
    assert.equal(response.status, 401);
    assert.equal(response.headers.getSetCookie().length, 0);
    assert.equal(await actorFor(auth, db, new Headers()), null);
  });

  test('repeated wrong passwords lock the account with a growing wait, even with the right password', async () => {
    for (let i = 0; i < FREE_FAILURES + 1; i++) await signIn(auth, 'tom@family.example', `wrong ${i}`);
    const locked = await signIn(auth, 'tom@family.example', PASSWORD);
    assert.equal(locked.status, 429);
    assert.match(((await locked.json()) as { message: string }).message, /Try again in \d+ s/);
  });

  test('an expired session is refused', async () => {
    const cookie = cookieOf(await signIn(auth, 'grandma@family.example', PASSWORD));
    db.update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .run();
    assert.equal(await actorFor(auth, db, new Headers({ cookie })), null);
  });

  test('signing out everywhere ends every session; a new password does too', async () => {
    const first = cookieOf(await signIn(auth, 'grandma@family.example', PASSWORD));
    const second = cookieOf(await signIn(auth, 'grandma@family.example', PASSWORD, '10.0.0.2'));
    assert.ok(signOutEverywhere(db, 'grandma@family.example') >= 2);
    for (const cookie of [first, second])
      assert.equal(await actorFor(auth, db, new Headers({ cookie })), null);
    const third = cookieOf(await signIn(auth, 'grandma@family.example', PASSWORD));
    await setPassword(db, 'grandma@family.example', 'a brand new password');
    assert.equal(await actorFor(auth, db, new Headers({ cookie: third })), null);
    assert.equal((await signIn(auth, 'grandma@family.example', PASSWORD)).status, 401);
    assert.equal((await signIn(auth, 'grandma@family.example', 'a brand new password')).status, 200);
  });

  test('nobody can sign themselves up', async () => {
    const response = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ email: 'stranger@example.com', password: 'long enough password', name: 'X' }),
      }),
    );
    assert.ok(response.status >= 400, `sign-up answered ${response.status}`);
  });
});

describe('sign-in rate limit per client address', () => {
  const dir = tempDir();
  let db: KindredDb;
  before(() => {
    db = openDatabase(join(dir.path, 'kindred.db'));
  });
  after(() => {
    db.$client.close();
    dir.cleanup();
  });

  test('more attempts than the limit from one address within a minute are refused', async () => {
    const auth = createKindredAuth(db, { signInPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await signIn(auth, `nobody${i}@example.com`, 'whatever it is')).status);
    assert.deepEqual(statuses.slice(0, 3), [401, 401, 401]);
    assert.equal(statuses[4], 429);
  });
});

describe('cross-site sign-in posts', () => {
  const dir = tempDir();
  let db: KindredDb;
  before(async () => {
    db = openDatabase(join(dir.path, 'kindred.db'));
    await createUser(db, { email: 'gran@family.example', name: 'Gran', password: PASSWORD, role: 'owner' });
  });
  after(() => {
    db.$client.close();
    dir.cleanup();
  });

  test('a sign-in posted from another site is refused even with the right password', async () => {
    const auth = createKindredAuth(db);
    const post = (origin: string) =>
      auth.handler(
        new Request('http://photos.local:3000/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, host: 'photos.local:3000' },
          body: JSON.stringify({ email: 'gran@family.example', password: PASSWORD }),
        }),
      );
    assert.equal((await post('http://evil.example')).status, 403);
    assert.equal((await post('http://photos.local:3000')).status, 200);
  });
});

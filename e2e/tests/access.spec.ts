import { type Browser, expect, type Page, test } from '@playwright/test';
import { ACCOUNTS, type AccountRole, freshPort, ownerState } from '../accounts.js';
import { rows } from './library.js';

const ANONYMOUS = { cookies: [], origins: [] };

async function signIn(page: Page, role: AccountRole) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(ACCOUNTS[role].email);
  await page.getByLabel('Password').fill(ACCOUNTS[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

async function newPage(browser: Browser, storageState: string | typeof ANONYMOUS = ANONYMOUS) {
  const context = await browser.newContext({ storageState });
  return context.newPage();
}

async function someIds() {
  const [photo] = await rows<{ hash: string }>('select hash from photos limit 1');
  const [face] = await rows<{ id: number }>('select id from faces limit 1');
  const [person] = await rows<{ id: number }>('select id from people where name is not null limit 1');
  return { hash: photo?.hash ?? '', faceId: face?.id ?? 0, personId: person?.id ?? 0 };
}

test.describe('nobody gets in without an account', () => {
  test.use({ storageState: ANONYMOUS });

  test('every page leads to sign-in, and back to the page asked for afterwards', async ({ page }) => {
    const { hash, personId } = await someIds();
    const paths = [
      '/',
      '/review',
      '/timeline',
      '/albums',
      '/folders',
      '/together',
      '/duplicates',
      '/report',
      '/family',
    ];
    for (const path of [...paths, `/people/${personId}`, `/photos/${hash}`]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/login(\?next=.*)?$/);
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    }
    await page.goto(`/people/${personId}`);
    await page.getByLabel('E-mail').fill(ACCOUNTS.viewer.email);
    await page.getByLabel('Password').fill(ACCOUNTS.viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${personId}$`));
  });

  test('images, crops and the API answer 401 without a session or token', async ({ request }) => {
    const { hash, faceId } = await someIds();
    for (const url of [
      `/img/photo/${hash}/320.webp`,
      `/img/photo/${hash}/original`,
      `/img/face/${faceId}/96.webp`,
    ]) {
      expect((await request.get(url)).status(), url).toBe(401);
    }
    const api = await request.post('/api/graphql', { data: { query: '{ stats { photos } }' } });
    expect(api.status()).toBe(401);
    expect(await api.text()).not.toContain('"photos"');
  });

  test('a wrong password is refused; repeating it locks the address out with a wait', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('stranger@family.example');
    for (let i = 0; i < 6; i++) {
      await page.getByLabel('Password').fill(`guess number ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('.form-error')).toBeVisible();
    }
    await expect(page.locator('.form-error')).toContainText(/Too many wrong passwords\. Try again in \d+ s/);
    await expect(page).toHaveURL(/\/login$/);
  });
});

test('a fresh install asks for the owner before showing anything', async ({ browser }) => {
  const page = await newPage(browser);
  const base = `http://127.0.0.1:${freshPort}`;
  await page.goto(`${base}/`);
  await expect(page).toHaveURL(`${base}/setup`);
  await expect(page.getByRole('heading', { name: 'Welcome to Kindred' })).toBeVisible();
  expect(
    (await page.request.post(`${base}/api/graphql`, { data: { query: '{ stats { photos } }' } })).status(),
  ).toBe(401);
  await page.getByLabel('Your name').fill('New Owner');
  await page.getByLabel('E-mail').fill('owner@new.example');
  await page.getByLabel('Password', { exact: true }).fill('a long new password');
  await page.getByLabel('Password again').fill('a long new password');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByText(/kindred index/).first()).toBeVisible(); // the empty library explains indexing
  await page.goto(`${base}/setup`);
  await expect(page).not.toHaveURL(/\/setup$/); // there is an owner now: setup is over
  await page.context().close();
});

test('a viewer browses but every change is refused by the server', async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, 'viewer');
  await expect(page.locator('.people-grid').first()).toBeVisible();
  await page.locator('.account summary').click();
  await expect(page.getByRole('link', { name: 'Family & access' })).toHaveCount(0);
  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
      body: JSON.stringify({ query: 'mutation { createAlbum(name: "Tom was here") { __typename } }' }),
    });
    return response.text();
  });
  expect(answer).toContain('viewer role may not change anything');
  expect(await rows('select id from albums where name = ?', 'Tom was here')).toHaveLength(0);
  const { hash, personId } = await someIds();
  await page.goto(`/people/${personId}`);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.getByLabel('New name')).toHaveCount(0); // no editing controls for viewers
  await expect(page.getByLabel('Same person as')).toHaveCount(0);
  await page.goto(`/photos/${hash}`);
  await expect(
    page.getByRole('button', { name: 'Show faces' }).or(page.getByRole('button', { name: 'Hide faces' })),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a missed face' })).toHaveCount(0);
  await page.goto('/family');
  await expect(page.getByText('Only the owner manages accounts.')).toBeVisible();
  await page.context().close();
});

test('the owner invites a family member with a one-time link', async ({ browser }) => {
  const owner = await newPage(browser, ownerState);
  await owner.goto('/family');
  await owner.getByLabel('Role for the invitation').selectOption('editor');
  await owner.getByRole('button', { name: 'Make invitation link' }).click();
  const link = await owner.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\/inv_[\w-]{43}$/);

  const guest = await newPage(browser);
  await guest.goto(link);
  await expect(guest.getByText(/fix names, faces and albums/)).toBeVisible();
  await guest.getByLabel('Your name').fill('Cousin Mia');
  await guest.getByLabel('E-mail').fill('mia@family.example');
  await guest.getByLabel('Password', { exact: true }).fill('mia has a password');
  await guest.getByLabel('Password again').fill('mia has a password');
  await guest.getByRole('button', { name: 'Create my account' }).click();
  await expect(guest.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await guest.goto(link);
  await expect(guest.getByRole('heading', { name: 'This invitation does not work' })).toBeVisible();
  await owner.reload();
  await expect(owner.getByText('mia@family.example')).toBeVisible();
  await owner.context().close();
  await guest.context().close();
});

test('signing out on every device ends the other sessions too', async ({ browser }) => {
  const laptop = await newPage(browser);
  const phone = await newPage(browser);
  await signIn(laptop, 'editor');
  await signIn(phone, 'editor');
  await laptop.locator('.account summary').click();
  await laptop.getByRole('button', { name: 'Sign out on every device' }).click();
  await expect(laptop).toHaveURL(/\/login$/);
  await phone.goto('/albums');
  await expect(phone).toHaveURL(/\/login\?next=%2Falbums$/);
  await laptop.context().close();
  await phone.context().close();
});

test.describe('hardening', () => {
  test('security headers on pages, images and the API; the CSP allows no inline or eval script', async ({
    page,
    request,
  }) => {
    const { hash } = await someIds();
    const response = await page.goto('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    for (const r of [
      response,
      await request.get(`/img/photo/${hash}/160.webp`),
      await request.post('/api/graphql', {
        data: { query: '{ me { role } }' },
        headers: { 'x-graphql-yoga-csrf': '1' },
      }),
    ]) {
      const headers = r?.headers() ?? {};
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
    }
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        errors.push(message.text());
    });
    await page.reload();
    await expect(page.locator('.people-grid').first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a cookie-signed change from another site is refused (CSRF)', async ({ request }) => {
    const forged = await request.post('/api/graphql', {
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'x-graphql-yoga-csrf': '1' },
      data: { query: 'mutation { createAlbum(name: "Forged") { __typename } }' },
    });
    expect(forged.status()).toBe(403);
    expect(await rows('select id from albums where name = ?', 'Forged')).toHaveLength(0);
  });

  test('image routes answer only indexed content: traversal strings, encoded or not, find nothing', async ({
    request,
  }) => {
    const attempts = [
      '/img/photo/..%2F..%2F..%2Fetc%2Fpasswd/original',
      '/img/photo/%2e%2e%2f%2e%2e%2fetc%2fpasswd/original',
      '/img/photo/%252e%252e%252f%252e%252e%252fetc%252fpasswd/original',
      '/img/photo/....%2F%2F....%2F%2Fetc%2Fpasswd/320.webp',
      '/img/face/..%2F1/96.webp',
      '/img/face/1%00/96.webp',
      `/img/photo/${'a'.repeat(64)}/original`,
    ];
    for (const url of attempts) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text(), url).not.toContain('root:');
    }
  });
});

import { expect, test } from '@playwright/test';
import { rows, screenshot } from './library.js';

test('browse people → person → photo, with names in alt text and arrow-key navigation', async ({ page }) => {
  const [top] = await rows<{ id: number; name: string; photos: number }>(
    `select p.id, p.name, count(distinct f.photo_hash) as photos from people p join faces f on f.person_id = p.id and f.state = 'confirmed'
     where p.name is not null and p.hidden = 0 and p.merged_into is null group by p.id order by count(*) desc limit 1`,
  );
  if (!top) throw new Error('fixture has no named people');

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  const tile = page.getByRole('link', { name: new RegExp(`^${top.name}`) });
  await expect(tile).toContainText(`${top.photos} photos`);
  await expect(page.getByRole('heading', { name: 'Who is this?' })).toBeVisible();
  await screenshot(page, 'people');

  await tile.click();
  await expect(page.getByRole('heading', { level: 1, name: top.name })).toBeVisible();
  await expect(page.getByText(`${top.photos} photos`).first()).toBeVisible();
  const firstPhoto = page.locator('.photo-cell a').first();
  await expect(firstPhoto).toBeVisible();
  await screenshot(page, 'person');

  await firstPhoto.click();
  await expect(page).toHaveURL(/\/photos\/[0-9a-f]{64}\?in=person-\d+$/);
  const photo = page.locator('[data-testid="photo-frame"] img');
  await expect(photo).toHaveAttribute('alt', new RegExp(top.name));
  await expect(page.getByRole('button', { name: new RegExp(`^Face: ${top.name}\\b`) }).first()).toBeVisible();
  await expect(
    page.getByRole('complementary', { name: 'About this photo' }).getByRole('link', { name: top.name }),
  ).toBeVisible();
  await screenshot(page, 'photo');

  await page.locator('[data-ready="true"]').waitFor();
  const before = page.url();
  await page.getByRole('button', { name: 'Hide faces' }).click();
  await expect(page.locator('.face-box')).toHaveCount(0);
  await page.keyboard.press('f');
  await expect(page.locator('.face-box').first()).toBeVisible();
  if (top.photos > 1) {
    // Wait until the new photo's viewer is on screen and listening before the next key.
    const shown = async () => {
      const hash = /\/photos\/([0-9a-f]{64})/.exec(page.url())?.[1] ?? '';
      await expect(photo).toHaveAttribute('src', new RegExp(hash));
      await page.locator('[data-ready="true"]').waitFor();
    };
    await page.keyboard.press('ArrowRight');
    await expect(page).not.toHaveURL(before);
    await shown();
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(before);
    await shown();
  }
});

test('search finds people by part of the name, and unknown ids are not found', async ({ page }) => {
  const [someone] = await rows<{ name: string }>(
    `select name from people where name is not null and hidden = 0 order by id limit 1`,
  );
  if (!someone) throw new Error('fixture has no named people');
  const part = someone.name.split(' ')[0]?.slice(0, 4).toLowerCase() ?? '';
  await page.goto('/');
  await page.getByLabel('Search people by name').fill(part);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${part}`));
  await expect(page.getByRole('link', { name: new RegExp(someone.name) })).toBeVisible();
  const tiles = page.locator('.person-name');
  for (const name of await tiles.allTextContents()) expect(name.toLowerCase()).toContain(part);

  // Pages of one thing render whole (no streaming skeleton), so a missing id is a real 404.
  const person = await page.goto('/people/999999');
  expect(person?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Person not found' })).toBeVisible();
  const photo = await page.goto(`/photos/${'f'.repeat(64)}`);
  expect(photo?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  expect((await page.goto('/albums/999999'))?.status()).toBe(404);
});

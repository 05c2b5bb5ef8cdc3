import { expect, test } from '@playwright/test';
import { rows, screenshot } from './library.js';

test('create an album, add a photo to it, and see it there', async ({ page }) => {
  await page.goto('/albums');
  await expect(page.getByRole('heading', { name: 'From Picasa' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Folders' })).toBeVisible();
  await screenshot(page, 'albums');
  await page.getByLabel('New album name').fill('Grandma’s 90th');
  await page.getByRole('button', { name: 'Create album' }).click();
  const card = page.getByRole('link', { name: /Grandma’s 90th/ });
  await expect(card).toContainText('0 photos');

  const [photo] = await rows<{ hash: string }>('select hash from photos order by taken_at limit 1');
  await page.goto(`/photos/${photo?.hash}`);
  await page.getByLabel('Add to album').selectOption({ label: 'Grandma’s 90th' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const details = page.getByRole('complementary', { name: 'About this photo' });
  await details.getByRole('link', { name: 'Grandma’s 90th' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grandma’s 90th' })).toBeVisible();
  await expect(page.locator('.photo-cell')).toHaveCount(1);
});

test('a folder from the tree lists its photos', async ({ page }) => {
  const [folder] = await rows<{ dir: string; n: number }>(
    `select rtrim(f.path, replace(f.path, '/', '')) as dir, count(distinct f.content_hash) as n
     from files f join photos p on p.hash = f.content_hash where f.status = 'present'
     group by dir order by n desc limit 1`,
  );
  if (!folder) throw new Error('fixture has no files');
  const name = folder.dir.replace(/\/$/, '').split('/').pop() ?? '';
  await page.goto('/albums');
  await page
    .getByRole('link', { name: `📁 ${name}` })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('.lede')).toContainText(`${folder.n} photos`);
});

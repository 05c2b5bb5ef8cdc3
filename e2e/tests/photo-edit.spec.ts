import { expect, test } from '@playwright/test';
import { rows } from './library.js';

test('draw a box around a missed face and name it', async ({ page }) => {
  const [photo] = await rows<{ hash: string; faces: number }>(
    `select p.hash, (select count(*) from faces f where f.photo_hash = p.hash) as faces from photos p
     where p.width >= 400 order by faces asc, p.hash limit 1`,
  );
  if (!photo) throw new Error('fixture has no large photo');
  const [someone] = await rows<{ name: string }>(
    `select name from people where name is not null and merged_into is null order by id limit 1`,
  );
  await page.goto(`/photos/${photo.hash}`);
  await expect(page.locator('.face-box')).toHaveCount(photo.faces);

  await page.getByRole('button', { name: 'Add a missed face' }).click();
  const frame = page.getByTestId('photo-frame');
  const box = await frame.boundingBox();
  if (!box) throw new Error('photo not laid out');
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.35, { steps: 5 });
  await page.mouse.up();
  await page.getByLabel('Who is in the new box?').fill(someone?.name ?? '');
  await page.getByRole('button', { name: 'Add face' }).click();
  await expect(page.locator('.face-box')).toHaveCount(photo.faces + 1);
  await expect(page.getByRole('button', { name: new RegExp(`^Face: ${someone?.name}`) })).toBeVisible();

  const added = await rows<{ x: number; y: number; w: number; h: number; source: string }>(
    `select x, y, w, h, source from faces where photo_hash = ? order by id desc limit 1`,
    photo.hash,
  );
  expect(added[0]?.source).toBe('manual');
  expect(added[0]?.x).toBeCloseTo(0.1, 1);
  expect(added[0]?.w).toBeCloseTo(0.2, 1);
});

test('star a photo with S, and unstar it again', async ({ page }) => {
  const [photo] = await rows<{ hash: string }>(
    `select hash from photos where starred = 0 order by hash desc limit 1`,
  );
  await page.goto(`/photos/${photo?.hash}`);
  await page.locator('[data-ready="true"]').waitFor();
  await page.keyboard.press('s');
  await expect(page.getByRole('button', { name: '★ Starred' })).toBeVisible();
  await page.getByRole('button', { name: '★ Starred' }).click();
  await expect(page.getByRole('button', { name: '☆ Star' })).toBeVisible();
});

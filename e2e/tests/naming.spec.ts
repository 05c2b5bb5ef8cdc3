import { expect, test } from '@playwright/test';
import { rows, screenshot } from './library.js';

test('name an unknown group in one step, splitting off a wrong face, and find it among people', async ({
  page,
}) => {
  const [group] = await rows<{ id: number; size: number }>(
    `select cluster_id as id, count(*) as size from faces where cluster_id is not null and person_id is null
     group by cluster_id having size >= 3 order by size desc limit 1`,
  );
  if (!group) throw new Error('fixture has no unnamed group of 3+ faces');
  await page.goto(`/review?cluster=${group.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Who is this?' })).toBeVisible();
  await expect(page.getByText(`${group.size} faces that look like the same person`)).toBeVisible();
  await screenshot(page, 'review');

  await page.getByRole('checkbox', { name: 'Face 1 belongs to this group' }).uncheck();
  await page.getByLabel('Name', { exact: true }).fill('Cousin Lars');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page).toHaveURL(/\/review$/);

  await page.goto('/');
  const tile = page.getByRole('link', { name: /^Cousin Lars/ });
  await expect(tile).toBeVisible();
  await expect(tile).toContainText(`${group.size - 1} photo`);
});

test('skip moves to the next unnamed group', async ({ page }) => {
  await page.goto('/review');
  const lede = page.locator('.lede');
  await expect(lede).toContainText('Group 1 of');
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(lede).toContainText('Group 2 of');
});

import { expect, test } from '@playwright/test';
import { rows } from './library.js';

test('merge one person into another, then undo', async ({ page }) => {
  const two = await rows<{ id: number; name: string }>(
    `select id, name from people where name is not null and hidden = 0 and merged_into is null order by id desc limit 2`,
  );
  const [from, into] = two;
  if (!from || !into) throw new Error('fixture needs two named people');

  await page.goto(`/people/${from.id}`);
  await page.getByRole('button', { name: 'Merge into…' }).click();
  await page.getByLabel('Same person as').fill(into.name);
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${into.id}\\?`));
  await expect(
    page.getByRole('status').filter({ hasText: `Merged ${from.name} into ${into.name}` }),
  ).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: new RegExp(`^${from.name}`) })).toHaveCount(0);
  await page.goBack();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: new RegExp(`^${from.name}`) })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^${into.name}`) })).toBeVisible();
});

test('rename and hide a person, then show them again', async ({ page }) => {
  const [person] = await rows<{ id: number; name: string }>(
    `select id, name from people where name is not null and hidden = 0 and merged_into is null order by id limit 1 offset 3`,
  );
  if (!person) throw new Error('fixture needs named people');
  await page.goto(`/people/${person.id}`);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill(`${person.name} Sr.`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${person.name} Sr.` })).toBeVisible();

  await page.getByRole('button', { name: 'Hide' }).click();
  await expect(page.getByText('hidden from People')).toBeVisible();
  await page.goto('/');
  await expect(
    page
      .locator('.people-grid')
      .first()
      .getByRole('link', { name: new RegExp(`^${person.name} Sr.`) }),
  ).toHaveCount(0);
  await page.getByText(/^Hidden people/).click();
  await page.getByRole('link', { name: new RegExp(`^${person.name} Sr.`) }).click();
  await page.getByRole('button', { name: 'Show in People' }).click();
  await expect(page.getByText('hidden from People')).toHaveCount(0);
});

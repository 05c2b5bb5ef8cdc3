import { expect, test } from '@playwright/test';
import { rows, screenshot } from './library.js';

test('timeline by year and month, duplicates, photos together and the last index report', async ({
  page,
}) => {
  const years = await rows<{ year: string; n: number }>(
    `select substr(taken_at, 1, 4) as year, count(*) as n from photos where taken_at is not null group by year order by n desc limit 1`,
  );
  await page.goto('/timeline');
  await screenshot(page, 'timeline');
  await page.getByRole('link', { name: years[0]?.year, exact: true }).click();
  await expect(page.locator('.lede')).toHaveText(`${years[0]?.n} photos from ${years[0]?.year}`);
  const [month] = await rows<{ month: string; n: number }>(
    `select substr(taken_at, 6, 2) as month, count(*) as n from photos where substr(taken_at, 1, 4) = ? group by month order by n desc limit 1`,
    years[0]?.year,
  );
  const monthName = new Date(2000, Number(month?.month) - 1, 1).toLocaleString('en', { month: 'short' });
  await page
    .getByRole('navigation', { name: `Months of ${years[0]?.year}` })
    .getByRole('link', { name: monthName })
    .click();
  await expect(page.locator('.lede')).toHaveText(
    new RegExp(`^${month?.n} photos from \\w+ ${years[0]?.year}$`),
  );

  const dups = await rows<{ hash: string }>(
    `select content_hash as hash from files where status = 'present' group by content_hash having count(*) > 1`,
  );
  await page.goto('/duplicates');
  await expect(page.locator('.dup')).toHaveCount(dups.length);

  const pair = await rows<{ a: number; b: number; an: string; bn: string; n: number }>(
    `select a.person_id as a, b.person_id as b, pa.name as an, pb.name as bn, count(distinct a.photo_hash) as n
     from faces a join faces b on a.photo_hash = b.photo_hash and a.person_id < b.person_id
     join people pa on pa.id = a.person_id join people pb on pb.id = b.person_id
     where a.state = 'confirmed' and b.state = 'confirmed' and pa.name is not null and pb.name is not null
     group by a.person_id, b.person_id order by n desc limit 1`,
  );
  const together = pair[0];
  if (together) {
    await page.goto('/together');
    await page.getByLabel(together.an, { exact: true }).check();
    await page.getByLabel(together.bn, { exact: true }).check();
    await page.getByRole('button', { name: 'Show photos' }).click();
    await expect(page.locator('.photo-cell')).toHaveCount(together.n);
  }

  await page.goto('/report');
  await expect(page.getByRole('heading', { level: 1, name: 'Last index run' })).toBeVisible();
  await screenshot(page, 'report');
});

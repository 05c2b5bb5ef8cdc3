import { expect, test } from '@playwright/test';
import { screenshot } from './library.js';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

async function noSideways(page: import('@playwright/test').Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('phone-size: people, a person and a photo fit the screen', async ({ page }) => {
  await page.goto('/');
  await noSideways(page);
  const columns = await page.evaluate(
    () =>
      getComputedStyle(document.querySelector('.people-grid') as Element).gridTemplateColumns.split(' ')
        .length,
  );
  expect(columns).toBeGreaterThanOrEqual(2);
  await screenshot(page, 'phone-people');

  await page.locator('.person-tile a').first().click();
  await expect(page.locator('h1')).toBeVisible();
  await noSideways(page);
  await screenshot(page, 'phone-person');

  await page.locator('.photo-cell a').first().click();
  await expect(page.getByTestId('photo-frame')).toBeVisible();
  await noSideways(page);
  const frame = await page.getByTestId('photo-frame').boundingBox();
  expect(frame?.width).toBeLessThanOrEqual(375);
  await screenshot(page, 'phone-photo');
});

test('dark theme follows the system setting', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(20, 19, 18)');
  await screenshot(page, 'people-dark');
  await context.close();
});

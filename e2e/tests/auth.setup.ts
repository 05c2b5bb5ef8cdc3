import { expect, test as setup } from '@playwright/test';
import { ACCOUNTS, ownerState } from '../accounts.js';

/** Signs the owner in once, through the real sign-in page; the gallery tests reuse the cookie. */
setup('the owner signs in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('E-mail').fill(ACCOUNTS.owner.email);
  await page.getByLabel('Password').fill(ACCOUNTS.owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.context().storageState({ path: ownerState });
});

import { expect, test } from '@playwright/test';
import { personWithSuggestions, rows, screenshot } from './library.js';

test('reject one suggestion with the keyboard, then confirm the rest with Y', async ({ page }) => {
  const person = await personWithSuggestions(3);
  await page.goto(`/people/${person.id}`);
  const panel = page.getByRole('region', { name: `Is this ${person.name}?` });
  await expect(panel).toBeVisible();
  await screenshot(page, 'person-suggestions');
  const faces = panel.getByRole('button', { name: /^Not / });
  const shown = await faces.count();
  expect(shown).toBe(Math.min(person.suggested, 60));

  const [first] = await rows<{ id: number }>(
    `select id from faces where person_id = ? and state = 'suggested' order by coalesce(suggestion_distance, 1e9), id limit 1`,
    person.id,
  );
  await panel.and(page.locator('[data-ready="true"]')).waitFor();
  await faces.first().focus();
  await page.keyboard.press('x');
  await expect(faces).toHaveCount(shown - 1);
  const rejected = await rows<{ face_id: number }>(
    'select face_id from face_rejections where person_id = ?',
    person.id,
  );
  expect(rejected.map((r) => r.face_id)).toContain(first?.id);

  const confirmedBefore = await rows<{ n: number }>(
    `select count(*) as n from faces where person_id = ? and state = 'confirmed'`,
    person.id,
  );
  await page.keyboard.press('y');
  await expect(panel).toHaveCount(0);
  const confirmedAfter = await rows<{ n: number }>(
    `select count(*) as n from faces where person_id = ? and state = 'confirmed'`,
    person.id,
  );
  expect(confirmedAfter[0]?.n).toBe((confirmedBefore[0]?.n ?? 0) + shown - 1);
});

/** Read-only look-ups in the e2e database, so tests pick their subjects from the data instead of hard-coding. */
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

export const dbPath = resolve(import.meta.dirname, '..', 'artifacts', 'fixture', 'kindred.db');

async function sqlite(path: string) {
  const { default: Database } = await import('better-sqlite3');
  return new Database(path, { readonly: true, fileMustExist: true });
}

/** Runs one read-only query on the e2e database and returns its rows. */
export function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return rowsIn<T>(dbPath, sql, ...params);
}

/** Runs one read-only query on the database at `path`. */
export async function rowsIn<T>(path: string, sql: string, ...params: unknown[]): Promise<T[]> {
  const db = await sqlite(path);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A named, visible person with at least `min` pending suggestions. */
export async function personWithSuggestions(min: number) {
  const [row] = await rows<{ id: number; name: string; suggested: number }>(
    `select p.id, p.name, count(*) as suggested from people p join faces f on f.person_id = p.id and f.state = 'suggested'
     where p.name is not null and p.hidden = 0 and p.merged_into is null group by p.id having suggested >= ? order by suggested desc limit 1`,
    min,
  );
  if (!row) throw new Error(`no person with ${min} suggestions in ${dbPath}`);
  return row;
}

/** Saves a screenshot of the page under e2e/artifacts/screenshots/, once the images on screen have loaded. */
export async function screenshot(page: Page, name: string) {
  await page
    .waitForFunction(
      () =>
        [...document.images]
          .filter((img) => img.getBoundingClientRect().top < window.innerHeight)
          .every((img) => img.complete),
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => undefined); // a slow thumbnail must not fail a test; the screenshot still shows the page
  await page.screenshot({
    path: join(import.meta.dirname, '..', 'artifacts', 'screenshots', `${name}.png`),
    fullPage: true,
  });
}

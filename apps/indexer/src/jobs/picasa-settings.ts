import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type KindredDb, settings } from '@kindred/db';
import { eq } from 'drizzle-orm';

const KEY = 'picasa.contactsXml';

/**
 * The contacts.xml to import names from: the one given now (remembered for later runs), else the one
 * remembered. A remembered file that has gone is skipped (Picasa's own names still come from the .ini files).
 */
export function picasaContactsPath(db: KindredDb, given: string | undefined): string | null {
  if (given) {
    const path = resolve(given);
    if (!existsSync(path)) throw new Error(`--picasa-contacts: no file at ${path}`);
    db.insert(settings)
      .values({ key: KEY, value: path })
      .onConflictDoUpdate({ target: settings.key, set: { value: path } })
      .run();
    return path;
  }
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  const remembered = typeof row?.value === 'string' ? row.value : null;
  return remembered && existsSync(remembered) ? remembered : null;
}

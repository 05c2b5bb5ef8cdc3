import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type KindredDb, settings } from '@kindred/db';
import { eq } from 'drizzle-orm';

const KEY = 'picasa.contactsXml';

interface Remembered {
  path: string;
  /** size:mtime of the file when it was last imported. */
  seen?: string;
}

export interface PicasaContacts {
  path: string | null;
  /** True when the file is new to this database or changed since the last run (names must be re-read). */
  changed: boolean;
}

function fingerprint(path: string): string {
  const stat = statSync(path);
  return `${stat.size}:${stat.mtimeMs}`;
}

function remember(db: KindredDb, value: Remembered): void {
  db.insert(settings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}

/**
 * The contacts.xml to import names from: the one given now (remembered for later runs), else the one
 * remembered. A remembered file that has gone is skipped (Picasa's own names still come from the .ini files).
 */
export function picasaContacts(db: KindredDb, given: string | undefined): PicasaContacts {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  const stored = row?.value as Remembered | string | undefined;
  const before: Remembered | undefined = typeof stored === 'string' ? { path: stored } : stored;
  const path = given ? resolve(given) : before?.path;
  if (!path) return { path: null, changed: false };
  if (!existsSync(path)) {
    if (given) throw new Error(`--picasa-contacts: no file at ${path}`);
    return { path: null, changed: false };
  }
  const seen = fingerprint(path);
  const changed = before?.path !== path || before.seen !== seen;
  if (changed) remember(db, { path, seen });
  return { path, changed };
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type KindredDb, openDatabase } from '@kindred/db';
import { env } from '@/env';

let db: KindredDb | undefined;

/** The one database connection of this server process (opened on first use, migrations applied). */
export function database(): KindredDb {
  db ??= openDatabase(env().databasePath, { statementCache: 500 }); // the same queries, request after request
  return db;
}

/** True when the database file exists (so the gallery can explain `kindred index` instead of failing). */
export function databaseExists(): boolean {
  return existsSync(env().databasePath);
}

/** Folder for generated thumbnails and face crops, beside the database. */
export function thumbnailCacheDir(): string {
  return join(dirname(env().databasePath), 'cache', 'thumbs');
}

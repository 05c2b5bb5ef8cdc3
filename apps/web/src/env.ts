import { isAbsolute, resolve } from 'node:path';
import { defaultDatabasePath } from '@kindred/db';

/** The web app's settings, read and checked once. Nothing else reads process.env. */
export interface WebEnv {
  /** Absolute path of the Kindred SQLite database. */
  databasePath: string;
  /** `KINDRED_PUBLIC_URL`: the gallery's address when served behind a proxy (https://photos.example.org). */
  publicUrl: string | undefined;
  /** `KINDRED_SIGNIN_PER_MINUTE`: sign-in attempts allowed per client address per minute (default 10). */
  signInPerMinute: number;
}

function readEnv(source: NodeJS.ProcessEnv): WebEnv {
  const raw = source.KINDRED_DB?.trim();
  if (raw !== undefined && raw === '') throw new Error('KINDRED_DB is set but empty');
  const path = raw ?? defaultDatabasePath(source);
  const publicUrl = source.KINDRED_PUBLIC_URL?.trim() || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+\/?$/.test(publicUrl)) {
    throw new Error(
      `KINDRED_PUBLIC_URL must be an origin like https://photos.example.org (got "${publicUrl}")`,
    );
  }
  const perMinute = Number(source.KINDRED_SIGNIN_PER_MINUTE ?? 10);
  if (!Number.isInteger(perMinute) || perMinute < 1) {
    throw new Error(
      `KINDRED_SIGNIN_PER_MINUTE must be a whole number ≥ 1 (got "${source.KINDRED_SIGNIN_PER_MINUTE}")`,
    );
  }
  return { databasePath: isAbsolute(path) ? path : resolve(path), publicUrl, signInPerMinute: perMinute };
}

let cached: WebEnv | undefined;

export function env(): WebEnv {
  cached ??= readEnv(process.env);
  return cached;
}

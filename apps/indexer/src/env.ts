import { availableParallelism } from 'node:os';
import { defaultDatabasePath } from '@kindred/db';

/** Everything the indexer reads from the environment, validated once. Nothing else reads `process.env`. */
export interface IndexerEnv {
  /** Database path when `--db` is not given: `KINDRED_DB`, else `$XDG_DATA_HOME/kindred/kindred.db`. */
  databasePath: string;
  /** Hashing worker threads (`KINDRED_HASH_WORKERS`, default: CPU count, at most 4). */
  hashWorkers: number;
  /** Files per database transaction (`KINDRED_BATCH_FILES`, default 500). */
  batchFiles: number;
  /** Longest time a transaction stays open in milliseconds (`KINDRED_BATCH_MS`, default 1000). */
  batchMs: number;
  /** Face-detection worker threads (`KINDRED_VISION_WORKERS`, default: CPU count). */
  visionWorkers: number;
  /** True when `NO_COLOR` is set or `TERM=dumb`: no progress bar even on a TTY. */
  plainOutput: boolean;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new EnvError(`${name} must be a whole number from 1 to ${max} (got "${raw}")`);
  }
  return value;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): IndexerEnv {
  return {
    databasePath: defaultDatabasePath(env),
    hashWorkers: positiveInt(env, 'KINDRED_HASH_WORKERS', Math.min(4, availableParallelism()), 64),
    batchFiles: positiveInt(env, 'KINDRED_BATCH_FILES', 500, 100_000),
    batchMs: positiveInt(env, 'KINDRED_BATCH_MS', 1000, 600_000),
    visionWorkers: positiveInt(env, 'KINDRED_VISION_WORKERS', availableParallelism(), 64),
    plainOutput: Boolean(env.NO_COLOR) || env.TERM === 'dumb',
  };
}

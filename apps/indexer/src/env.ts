import { existsSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { defaultDatabasePath } from '@kindred/db';
import { ConfigError, type Resolved, readConfigFile, resolveSettings } from './jobs/config-file.js';

export { ConfigError as EnvError };

export type Detector = 'auto' | 'ssd' | 'tiny';
export type BackendChoice = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

/**
 * Everything the indexer reads from the environment and from `kindred.config.json`, validated once.
 * Nothing else reads `process.env`. Precedence: command-line flag > environment > config file > default.
 */
export interface IndexerEnv {
  /** The config file read (it may not exist): `KINDRED_CONFIG`, else `kindred.config.json` beside the default database. */
  configPath: string;
  configExists: boolean;
  /** Each setting's effective value and source (`default`, `env NAME`, `file PATH`), for `kindred config`. */
  settings: Map<string, Resolved>;
  /** Database path when `--db` is not given: `KINDRED_DB`, else the file's `db`, else `$XDG_DATA_HOME/kindred/kindred.db`. */
  databasePath: string;
  /** Folders every `kindred index` run indexes (besides remembered roots). */
  roots: string[];
  /** Folder/file names or globs the walk leaves out (see jobs/exclude-patterns.ts). */
  exclude: string[];
  /** Hashing worker threads (default: CPU count, at most 4). */
  hashWorkers: number;
  /** Files per database transaction (default 500). */
  batchFiles: number;
  /** Longest time a transaction stays open in milliseconds (default 1000). */
  batchMs: number;
  /** Face-detection worker threads (default: CPU count). */
  visionWorkers: number;
  /** Detector settings passed to the vision pool (undefined: the vision package's defaults). */
  vision: {
    detector?: Detector;
    maxSide?: number;
    minScore?: number;
    timeoutMs: number;
    backend?: BackendChoice;
  };
  /** Nightly run time, HH:MM (default 02:30). */
  scheduleAt: string;
  /** Backups folder (default `<db folder>/backups`, resolved against the database actually used) and how many to keep. */
  backupDir?: string;
  backupKeep: number;
  /** Shell command given each run's report as JSON on stdin. */
  notifyCommand?: string;
  /** Where `kindred schedule` writes systemd user units: `KINDRED_SYSTEMD_DIR`, else `$XDG_CONFIG_HOME/systemd/user`. */
  systemdUserDir: string;
  /** The systemctl program (`KINDRED_SYSTEMCTL`, default `systemctl` on PATH). */
  systemctl: string;
  /** True when `NO_COLOR` is set or `TERM=dumb`: no progress bar even on a TTY. */
  plainOutput: boolean;
  /**
   * Test only (`KINDRED_TEST_MAX_DB_PAGES`): caps the database at this many pages (SQLite max_page_count), so a
   * disk-full test can run where no small filesystem can be mounted. SQLite then fails as on a full disk.
   */
  testMaxDbPages?: number;
}

function configPathFor(env: NodeJS.ProcessEnv): string {
  if (env.KINDRED_CONFIG) return resolve(env.KINDRED_CONFIG);
  return join(dirname(defaultDatabasePath(env)), 'kindred.config.json');
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): IndexerEnv {
  const configPath = configPathFor(env);
  const file = readConfigFile(configPath);
  const settings = resolveSettings(env, configPath, file);
  const defaults: Record<string, Resolved['value']> = {
    db: defaultDatabasePath({ ...env, KINDRED_DB: '' }),
    hashWorkers: Math.min(4, availableParallelism()),
    batchFiles: 5000,
    batchMs: 1000,
    'vision.workers': availableParallelism(),
    'vision.timeoutMs': 60_000,
    roots: [],
    exclude: [],
    'schedule.at': '02:30',
    'backup.keep': 7,
  };
  for (const [key, value] of Object.entries(defaults)) {
    const setting = settings.get(key);
    if (setting && setting.value === undefined) setting.value = value;
  }
  const get = <T>(key: string) => settings.get(key)?.value as T;
  const xdgConfig = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return {
    configPath,
    configExists: existsSync(configPath),
    settings,
    databasePath: get<string>('db'),
    roots: get<string[]>('roots'),
    exclude: get<string[]>('exclude'),
    hashWorkers: get<number>('hashWorkers'),
    batchFiles: get<number>('batchFiles'),
    batchMs: get<number>('batchMs'),
    visionWorkers: get<number>('vision.workers'),
    vision: {
      detector: get<Detector | undefined>('vision.detector'),
      maxSide: get<number | undefined>('vision.maxSide'),
      minScore: get<number | undefined>('vision.minScore'),
      timeoutMs: get<number>('vision.timeoutMs'),
      backend: get<BackendChoice | undefined>('vision.backend'),
    },
    scheduleAt: get<string>('schedule.at'),
    backupDir: get<string | undefined>('backup.dir'),
    backupKeep: get<number>('backup.keep'),
    notifyCommand: get<string | undefined>('notifyCommand'),
    systemdUserDir: env.KINDRED_SYSTEMD_DIR || join(xdgConfig, 'systemd', 'user'),
    systemctl: env.KINDRED_SYSTEMCTL || 'systemctl',
    plainOutput: Boolean(env.NO_COLOR) || env.TERM === 'dumb',
    testMaxDbPages: testPages(env.KINDRED_TEST_MAX_DB_PAGES),
  };
}

function testPages(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const pages = Number(raw);
  if (!Number.isInteger(pages) || pages < 1)
    throw new ConfigError(`KINDRED_TEST_MAX_DB_PAGES must be a whole number ≥ 1 (got "${raw}")`);
  return pages;
}

/**
 * The vision package reads `KINDRED_BACKEND` itself (in each worker thread, which copies process.env when it
 * starts): a backend chosen in the config file is handed over here, before any worker starts.
 */
export function exportVisionBackend(env: IndexerEnv, target: NodeJS.ProcessEnv = process.env): void {
  if (env.vision.backend) target.KINDRED_BACKEND = env.vision.backend;
}

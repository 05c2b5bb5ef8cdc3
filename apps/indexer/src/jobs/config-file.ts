import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, resolve } from 'node:path';

/** A configuration file or environment value is wrong; the message names the file or variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Kind = 'int' | 'number' | 'string' | 'path' | 'paths' | 'patterns' | 'time' | 'choice';

/** One setting: its key in `kindred.config.json` (dotted for nested objects) and its environment override. */
export interface SettingSpec {
  key: string;
  env?: string;
  kind: Kind;
  min?: number;
  max?: number;
  choices?: readonly string[];
  /** Shown by `kindred config`. */
  help: string;
}

/**
 * Every setting of kindred.config.json, in the order `kindred config` prints them. Precedence: a command-line
 * flag, else the environment variable, else the file, else the default (computed in env.ts).
 */
export const SETTINGS: readonly SettingSpec[] = [
  { key: 'db', env: 'KINDRED_DB', kind: 'path', help: 'the database file' },
  { key: 'roots', env: 'KINDRED_ROOTS', kind: 'paths', help: 'folders indexed on every run' },
  {
    key: 'exclude',
    env: 'KINDRED_EXCLUDE',
    kind: 'patterns',
    help: 'names or globs left out of the walk',
  },
  { key: 'hashWorkers', env: 'KINDRED_HASH_WORKERS', kind: 'int', min: 1, max: 64, help: 'hashing threads' },
  {
    key: 'batchFiles',
    env: 'KINDRED_BATCH_FILES',
    kind: 'int',
    min: 1,
    max: 100_000,
    help: 'files per transaction',
  },
  {
    key: 'batchMs',
    env: 'KINDRED_BATCH_MS',
    kind: 'int',
    min: 1,
    max: 600_000,
    help: 'longest open transaction (ms)',
  },
  {
    key: 'vision.workers',
    env: 'KINDRED_VISION_WORKERS',
    kind: 'int',
    min: 1,
    max: 64,
    help: 'face-detection threads',
  },
  {
    key: 'vision.detector',
    env: 'KINDRED_DETECTOR',
    kind: 'choice',
    choices: ['auto', 'ssd', 'tiny'],
    help: 'face detector (changes the pipeline version)',
  },
  {
    key: 'vision.maxSide',
    env: 'KINDRED_MAX_SIDE',
    kind: 'int',
    min: 128,
    max: 8192,
    help: 'longest side photos are scaled to for detection',
  },
  {
    key: 'vision.minScore',
    env: 'KINDRED_MIN_SCORE',
    kind: 'number',
    min: 0,
    max: 1,
    help: 'lowest detector score kept',
  },
  {
    key: 'vision.timeoutMs',
    env: 'KINDRED_VISION_TIMEOUT_MS',
    kind: 'int',
    min: 100,
    max: 3_600_000,
    help: 'a worker busy longer on one photo is replaced',
  },
  {
    key: 'vision.backend',
    env: 'KINDRED_BACKEND',
    kind: 'choice',
    choices: ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'],
    help: 'force a TensorFlow.js backend',
  },
  { key: 'schedule.at', env: 'KINDRED_SCHEDULE_AT', kind: 'time', help: 'nightly run time (HH:MM)' },
  { key: 'backup.dir', env: 'KINDRED_BACKUP_DIR', kind: 'path', help: 'where kindred backup writes' },
  {
    key: 'backup.keep',
    env: 'KINDRED_BACKUP_KEEP',
    kind: 'int',
    min: 1,
    max: 10_000,
    help: 'backups kept by rotation',
  },
  {
    key: 'notifyCommand',
    env: 'KINDRED_NOTIFY_COMMAND',
    kind: 'string',
    help: 'shell command given each run report as JSON on stdin',
  },
];

export type SettingValue = string | number | string[];

/** A value and where it came from: `default`, `env NAME`, or `file PATH`. */
export interface Resolved {
  value: SettingValue | undefined;
  source: string;
}

function parseValue(spec: SettingSpec, raw: unknown, where: string, baseDir: string): SettingValue {
  const fail = (what: string): never => {
    throw new ConfigError(`${where}: ${spec.key} must be ${what} (got ${JSON.stringify(raw)})`);
  };
  const fromEnv = typeof raw === 'string' && where.startsWith('env ');
  switch (spec.kind) {
    case 'int':
    case 'number': {
      const value = fromEnv ? Number(raw) : raw;
      const range = `from ${spec.min} to ${spec.max}`;
      if (
        typeof value !== 'number' ||
        Number.isNaN(value) ||
        (spec.kind === 'int' && !Number.isInteger(value))
      )
        return fail(`a ${spec.kind === 'int' ? 'whole ' : ''}number ${range}`);
      if (value < (spec.min ?? -Infinity) || value > (spec.max ?? Infinity)) return fail(`${range}`);
      return value;
    }
    case 'choice':
      if (typeof raw !== 'string' || !spec.choices?.includes(raw))
        return fail(`one of ${spec.choices?.join(', ')}`);
      return raw;
    case 'time':
      if (typeof raw !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(raw))
        return fail('a time HH:MM (24 h)');
      return raw;
    case 'string':
      if (typeof raw !== 'string' || raw === '') return fail('a non-empty string');
      return raw;
    case 'path':
      if (typeof raw !== 'string' || raw === '') return fail('a path');
      return isAbsolute(raw) ? raw : resolve(baseDir, raw);
    case 'paths':
    case 'patterns': {
      const list = fromEnv ? (raw as string).split(delimiter).filter(Boolean) : raw;
      if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === ''))
        return fail('a list of non-empty strings');
      const items = list as string[];
      return spec.kind === 'paths' ? items.map((p) => (isAbsolute(p) ? p : resolve(baseDir, p))) : items;
    }
  }
}

function flatten(object: Record<string, unknown>, path: string, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [name, value] of Object.entries(object)) {
    const key = prefix + name;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Record<string, unknown>, path, `${key}.`)) out.set(k, v);
    } else out.set(key, value);
  }
  return out;
}

/** Reads a config file: a missing file is an empty one; bad JSON, unknown keys and bad values are errors. */
export function readConfigFile(path: string): Map<string, SettingValue> {
  if (!existsSync(path)) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigError(`config file ${path} must hold one JSON object`);
  const values = new Map<string, SettingValue>();
  for (const [key, raw] of flatten(parsed as Record<string, unknown>, path)) {
    if (key === '$schema' || key.startsWith('//')) continue;
    const spec = SETTINGS.find((s) => s.key === key);
    if (!spec) {
      const known = SETTINGS.map((s) => s.key).join(', ');
      throw new ConfigError(`config file ${path}: unknown setting "${key}" (known: ${known})`);
    }
    values.set(key, parseValue(spec, raw, `config file ${path}`, dirname(path)));
  }
  return values;
}

/** Resolves every setting from the environment and the file, recording where each value came from. */
export function resolveSettings(
  env: NodeJS.ProcessEnv,
  configPath: string,
  file: Map<string, SettingValue>,
): Map<string, Resolved> {
  const out = new Map<string, Resolved>();
  for (const spec of SETTINGS) {
    const raw = spec.env ? env[spec.env] : undefined;
    if (spec.env && raw !== undefined && raw !== '') {
      const where = `env ${spec.env}`;
      out.set(spec.key, { value: parseValue(spec, raw, where, process.cwd()), source: where });
    } else if (file.has(spec.key)) {
      out.set(spec.key, { value: file.get(spec.key), source: `file ${configPath}` });
    } else {
      out.set(spec.key, { value: undefined, source: 'default' });
    }
  }
  return out;
}

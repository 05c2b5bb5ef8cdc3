import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The built CLI (dist/cli.js), run as a real child process by the tests. */
export const cliPath = fileURLToPath(new URL('../cli.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment for a child CLI: no inherited KINDRED_* settings, no config file of this machine, plain output. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: '1',
    KINDRED_CONFIG: '/nonexistent/kindred.config.json',
  };
  return { ...env, ...extra };
}

export function startCli(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [cliPath, ...args], {
    env: cliEnv(),
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stdout, stderr };
}

export async function runCli(args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  return finished(startCli(args, options));
}

export interface IndexJson {
  files: Record<'seen' | 'new' | 'changed' | 'moved' | 'removed' | 'unchanged' | 'duplicates', number>;
  errors: { path: string; error: string }[];
  durationMs: number;
}

/** `kindred index --json --db <db> ...roots`; fails the test unless it exits 0 with one JSON object on stdout. */
export async function indexJson(db: string, roots: string[], options: SpawnOptions = {}): Promise<IndexJson> {
  const result = await runCli(['index', '--json', '--no-faces', '--db', db, ...roots], options);
  if (result.code !== 0) throw new Error(`kindred index exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as IndexJson;
}

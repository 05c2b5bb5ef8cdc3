import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The shared test data folder: `KINDRED_TEST_DATA`, default `../shared` beside the repository.
 * Returns null when it is absent (tests then skip with a message); under `CI=true` absence throws,
 * so CI can never pass by skipping.
 */
export function testDataDir(): string | null {
  const dir = resolve(process.env.KINDRED_TEST_DATA ?? join(repoRoot, '..', 'shared'));
  if (existsSync(join(dir, 'faces', 'MANIFEST.tsv'))) return dir;
  if (process.env.CI === 'true') {
    throw new Error(`test data not found at ${dir} (set KINDRED_TEST_DATA); required under CI=true`);
  }
  return null;
}

/** `skip` option for node:test: a message when the shared data is absent, else false. */
export function skipWithoutTestData(): string | false {
  return testDataDir() ? false : 'shared test data not found (set KINDRED_TEST_DATA or put it at ../shared)';
}

/** The shared test data folder, for tests already guarded by `skipWithoutTestData()`. */
export function requireTestData(): string {
  const dir = testDataDir();
  if (!dir) throw new Error('shared test data not found');
  return dir;
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'kindred-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Parses a TSV file with a header row into objects keyed by column name. */
export function parseTsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

export { repoRoot };

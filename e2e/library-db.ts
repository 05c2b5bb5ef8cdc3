/**
 * The e2e database: a real `kindred index` run (faces, Picasa import, recognition) over the shared test
 * photos, as a family would make it. Indexing is incremental, so a pristine copy is kept and brought up to
 * date (seconds when nothing changed); every test run gets a fresh copy of it, since tests edit.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const cli = join(repo, 'apps', 'indexer', 'dist', 'cli.js');

export function sharedDataDir(): string {
  return resolve(process.env.KINDRED_TEST_DATA ?? join(repo, '..', 'shared'));
}

function copyDatabase(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(to + suffix, { force: true });
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  }
}

/** Indexes ../shared/faces and ../shared/picasa/library (with contacts.xml) and copies the result to `dbPath`. */
export function buildLibraryDb(dbPath: string): void {
  const shared = sharedDataDir();
  const library = join(shared, 'picasa', 'library');
  if (!existsSync(library)) {
    throw new Error(`e2e needs the shared test data at ${shared} (set KINDRED_TEST_DATA)`);
  }
  if (!existsSync(cli)) throw new Error(`build the indexer first: ${cli} is missing (npm run build)`);
  const pristine = join(dirname(dbPath), 'pristine.db');
  mkdirSync(dirname(dbPath), { recursive: true });
  const args = [cli, 'index', '--json', '--db', pristine, join(shared, 'faces'), library];
  args.push('--picasa-contacts', join(library, '_picasa_contacts.xml'));
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`kindred index failed (${result.status}): ${result.stderr.slice(-2000)}`);
  }
  const report = JSON.parse(result.stdout) as { faces?: { photosProcessed: number } };
  console.log(
    `e2e library: kindred index took ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
      `${report.faces?.photosProcessed ?? 0} photos processed`,
  );
  copyDatabase(pristine, dbPath);
}

import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '@kindred/db';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { runCli } from '../testing/cli-runner.js';
import { querySql } from '../testing/trees.js';

interface PicasaJson {
  files: Record<string, number>;
  picasa: { iniFiles: number; faces: number; people: number; albums: number; unparsedLines: number };
}

async function index(db: string, roots: string[]): Promise<PicasaJson> {
  const result = await runCli(['index', '--json', '--no-faces', '--db', db, ...roots]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as PicasaJson;
}

const picasaFaces = (db: string) =>
  querySql<{ n: number }>(db, `SELECT count(*) AS n FROM faces WHERE source = 'picasa'`)[0]?.n;

test('kindred index imports Picasa tags once, and again after a run that did not complete', {
  skip: skipWithoutTestData(),
}, async () => {
  const tmp = tempDir();
  try {
    const library = join(tmp.path, 'library');
    cpSync(join(requireTestData(), 'picasa', 'library'), library, { recursive: true });
    const db = join(tmp.path, 'k.db');
    const first = await index(db, [library]);
    assert.equal(first.picasa.iniFiles, 11);
    assert.equal(first.picasa.faces, 117);
    assert.equal(first.picasa.albums, 2);
    assert.equal(picasaFaces(db), 117);

    const quiet = await index(db, []);
    assert.equal(quiet.files.unchanged, first.files.new);
    assert.equal(quiet.picasa.iniFiles, 0, 'an unchanged library has nothing to import');
    assert.equal(picasaFaces(db), 117, 'and keeps every tag');

    // A run killed before its import: the next run, though it finds no file changed, imports.
    const sqlite = openDatabase(db).$client;
    // (The import writes faces and their face_imports rows in one transaction: a killed run leaves neither.)
    sqlite.exec(`DELETE FROM faces WHERE source = 'picasa'; DELETE FROM face_imports; DELETE FROM picasa_ini_files;
      UPDATE runs SET status = 'interrupted' WHERE id = (SELECT max(id) FROM runs)`);
    sqlite.close();
    const resumed = await index(db, []);
    assert.equal(resumed.picasa.iniFiles, 11);
    assert.equal(picasaFaces(db), 117);
  } finally {
    tmp.cleanup();
  }
});

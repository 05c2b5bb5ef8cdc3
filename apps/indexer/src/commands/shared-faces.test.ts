import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { indexJson } from '../testing/cli-runner.js';

function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter(
    (entry) => entry.isFile() && !entry.name.startsWith('.') && !join(entry.parentPath, '/').includes('/.'),
  ).length;
}

it('kindred index ../shared/faces twice: all new, then all unchanged', {
  skip: skipWithoutTestData(),
}, async () => {
  const faces = join(requireTestData(), 'faces');
  const tmp = tempDir();
  try {
    const db = join(tmp.path, 'k.db');
    const expected = countFiles(faces);
    const first = await indexJson(db, [faces]);
    assert.equal(first.files.seen, expected);
    assert.equal(first.files.new, expected);
    assert.deepEqual(first.errors, []);
    const second = await indexJson(db, [faces]);
    assert.deepEqual(second.files, { ...first.files, new: 0, unchanged: expected });
  } finally {
    tmp.cleanup();
  }
});

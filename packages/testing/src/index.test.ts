import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { parseTsv, tempDir, testDataDir } from './index.js';

test('parseTsv keys each row by the header, CRLF or LF', () => {
  assert.deepEqual(parseTsv('path\tfaces_expected\r\na.jpg\t2\r\nb.jpg\t\n'), [
    { path: 'a.jpg', faces_expected: '2' },
    { path: 'b.jpg', faces_expected: '' },
  ]);
});

test('tempDir makes a folder and its cleanup removes it', () => {
  const tmp = tempDir();
  assert.ok(existsSync(tmp.path));
  tmp.cleanup();
  assert.ok(!existsSync(tmp.path));
});

test('under CI=true, missing shared data is an error, never a silent skip', () => {
  const saved = { data: process.env.KINDRED_TEST_DATA, ci: process.env.CI };
  try {
    process.env.KINDRED_TEST_DATA = '/nonexistent/kindred-shared';
    process.env.CI = 'true';
    assert.throws(() => testDataDir(), /required under CI=true/);
    process.env.CI = 'false';
    assert.equal(testDataDir(), null);
  } finally {
    if (saved.data === undefined) delete process.env.KINDRED_TEST_DATA;
    else process.env.KINDRED_TEST_DATA = saved.data;
    if (saved.ci === undefined) delete process.env.CI;
    else process.env.CI = saved.ci;
  }
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '@kindred/testing';
import { hashFileSync, READ_BUFFER_BYTES } from './hash-file.js';
import { HashPool } from './hash-pool.js';

function sha256sum(path: string): string {
  return execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0] ?? '';
}

describe('hashing', () => {
  it('matches sha256sum for empty, small and multi-buffer files, on the main thread and in the worker pool', async () => {
    const tmp = tempDir();
    const pool = new HashPool(2);
    try {
      const sizes = [0, 1, 4096, READ_BUFFER_BYTES, READ_BUFFER_BYTES * 3 + 17];
      const paths = sizes.map((size, i) => {
        const path = join(tmp.path, `f${i}`);
        writeFileSync(path, randomBytes(size));
        return path;
      });
      const pooled = await Promise.all(paths.map(async (path) => (await pool.submit(path, 0)).done));
      paths.forEach((path, i) => {
        const direct = hashFileSync(path);
        assert.equal(direct.status, 'done');
        assert.equal(direct.status === 'done' && direct.hash, sha256sum(path));
        assert.equal(direct.status === 'done' && direct.size, sizes[i]);
        assert.deepEqual(pooled[i], direct);
      });
    } finally {
      await pool.close();
      tmp.cleanup();
    }
  });

  it('reports a file that vanished before it was read, and a folder given as a file', () => {
    const tmp = tempDir();
    try {
      assert.deepEqual(hashFileSync(join(tmp.path, 'gone.jpg')), {
        status: 'failed',
        reason: 'file vanished before it could be read',
      });
      const folder = hashFileSync(tmp.path);
      assert.equal(folder.status, 'failed');
    } finally {
      tmp.cleanup();
    }
  });
});

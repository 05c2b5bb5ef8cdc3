import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { ImageError, type ImageErrorCode } from './types.js';
import { createVisionPool } from './worker-pool.js';

const skip = skipWithoutTestData();
const photo = (path: string) => join(skip ? '' : requireTestData(), 'faces', path);

async function rejectsWith(promise: Promise<unknown>, code: ImageErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ImageError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  });
}

describe('createVisionPool', { skip }, () => {
  const tmp = tempDir('kindred-pool-');
  // Timeout long enough for a replacement worker to load its models on a busy 2-core machine.
  const pool = createVisionPool({ workers: 1, timeoutMs: 15_000 });
  after(async () => {
    await pool.close();
    tmp.cleanup();
  });

  test('analyzes a photo on the reported backend', async () => {
    const result = await pool.analyze(photo('compreface/sample_images/010_2.jpg'));
    assert.equal(result.faces.length, 2);
    assert.equal(result.backend, (await pool.backend()).name);
  });

  test('bad inputs reject with typed errors and the pool carries on', async () => {
    writeFileSync(join(tmp.path, 'empty.jpg'), '');
    writeFileSync(join(tmp.path, 'text.jpg'), 'hello');
    await rejectsWith(pool.analyze(join(tmp.path, 'empty.jpg')), 'empty');
    await rejectsWith(pool.analyze(join(tmp.path, 'text.jpg')), 'unreadable');
    await rejectsWith(pool.analyze(join(tmp.path, 'missing.jpg')), 'unreadable');
    assert.equal((await pool.analyze(photo('face_recognition/joe_biden/biden.jpg'))).faces.length, 1);
  });

  test('a crashed worker fails its job with worker-crashed and is replaced', async () => {
    await rejectsWith(pool.injectFault('crash'), 'worker-crashed');
    assert.equal((await pool.analyze(photo('face_recognition/joe_biden/biden.jpg'))).faces.length, 1);
  });

  test('a hung worker is killed at timeoutMs, its job fails with timeout, and it is replaced', async () => {
    await rejectsWith(pool.injectFault('hang'), 'timeout');
    assert.equal((await pool.analyze(photo('face_recognition/joe_biden/biden.jpg'))).faces.length, 1);
  });

  test('whenReady holds back a caller while capacity photos are pending', async () => {
    assert.equal(pool.capacity, 2);
    const jobs = [0, 1].map(() => pool.analyze(photo('face_recognition/joe_biden/biden2.jpg')));
    assert.equal(pool.pending, 2);
    let ready = false;
    const waiting = pool.whenReady().then(() => {
      ready = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(ready, false);
    await Promise.all([...jobs, waiting]);
    assert.equal(ready, true);
    assert.equal(pool.pending, 0);
  });
});

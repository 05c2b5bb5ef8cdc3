import assert from 'node:assert/strict';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { cliEnv, runCli } from '../testing/cli-runner.js';
import { readDuring, startApi } from './readers.js';

describe('the API keeps answering during an index run', { skip: skipWithoutTestData() }, () => {
  it('20 clients query kindred api while kindred index writes: no request fails', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.path, 'photos');
      mkdirSync(root);
      const sample = join(requireTestData(), 'faces', 'compreface', 'sample_images');
      for (const name of readdirSync(sample).filter((n) => n.endsWith('.jpg')))
        copyFileSync(join(sample, name), join(root, name));
      const db = join(tmp.path, 'k.db');
      const env = cliEnv({ KINDRED_VISION_WORKERS: '1' });
      const { url, token, api } = await startApi(db, env);
      try {
        const run = runCli(['index', '--json', '--db', db, root], { env });
        const readers = await readDuring(url, token, 20, run);
        assert.equal((await run).code, 0);
        assert.deepEqual(readers.failures, []);
        assert.ok(readers.requests > 100, `${readers.requests} requests`);
        const last = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ stats { photos faces } }' }),
        });
        const { data } = (await last.json()) as { data: { stats: { photos: number; faces: number } } };
        assert.ok(data.stats.faces > 0, 'the API sees what the run committed');
      } finally {
        api.kill('SIGTERM');
        await once(api, 'exit');
      }
    } finally {
      tmp.cleanup();
    }
  });
});

import assert from 'node:assert/strict';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '@kindred/db';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { writeTree } from '../testing/trees.js';
import { Channel } from './channel.js';
import type { ContentStep, NewContent } from './content-steps.js';
import { runInventory } from './inventory.js';
import { RunReport } from './report.js';
import { rememberRoots } from './roots.js';
import { beginRun, finishRun } from './run-lock.js';

describe('content steps (the extension point for faces)', () => {
  it('a channel makes the producer wait while the buffer is full', async () => {
    const channel = new Channel<number>(2);
    await channel.push(1);
    await channel.push(2);
    let third = false;
    const pushing = channel.push(3).then(() => {
      third = true;
    });
    await sleep(20);
    assert.equal(third, false, 'blocked while 2 items are unread');
    const reader = channel[Symbol.asyncIterator]();
    assert.deepEqual(await reader.next(), { value: 1, done: false });
    await pushing;
    assert.equal(third, true);
    channel.close();
    assert.deepEqual(
      [(await reader.next()).value, (await reader.next()).value, (await reader.next()).done],
      [2, 3, true],
    );
  });

  it('a slow step receives each new image content once, while the walk goes on, and adds its report section', {
    skip: skipWithoutTestData(),
  }, async () => {
    const tmp = tempDir();
    try {
      const lfw = join(requireTestData(), 'faces', 'lfw');
      const photos = readdirSync(lfw, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.jpg'))
        .slice(0, 40);
      const root = join(tmp.path, 'photos');
      writeTree(root, { 'notes.txt': 'not an image' });
      for (const [i, name] of photos.entries()) copyFileSync(join(lfw, name), join(root, `p${i}.jpg`));
      const db = openDatabase(join(tmp.path, 'k.db'));
      const roots = rememberRoots(db, [root]);

      const run = async () => {
        const received: NewContent[] = [];
        const step: ContentStep = {
          name: 'collector',
          wants: (content) => content.kind === 'image',
          async consume(contents, context) {
            for await (const content of contents) {
              const row = context.db.$client
                .prepare('SELECT kind FROM contents WHERE hash = ?')
                .get(content.hash);
              assert.deepEqual(row, { kind: 'image' }, 'the content is committed before the step sees it');
              await sleep(5);
              received.push(content);
            }
            return { received: received.length };
          },
        };
        const { runId } = beginRun(db);
        const report = new RunReport();
        const options = {
          db,
          runId,
          roots,
          databasePath: join(tmp.path, 'k.db'),
          hashWorkers: 2,
          batchFiles: 5,
          batchMs: 1000,
        };
        assert.equal(await runInventory({ ...options, steps: [step], report }), true);
        finishRun(db, runId, 'completed', report.toJSON());
        return { received, json: report.toJSON() };
      };
      const first = await run();
      const distinct = new Set(first.received.map((content) => content.hash));
      assert.equal(first.received.length, distinct.size, 'each content once');
      const images = db.$client.prepare(`SELECT COUNT(*) AS n FROM contents WHERE kind = 'image'`).get() as {
        n: number;
      };
      assert.equal(distinct.size, images.n, 'every image content, and not the text file');
      assert.deepEqual(first.json.collector, { received: distinct.size });
      const second = await run();
      assert.equal(second.received.length, 0, 'nothing new the second time');
      db.$client.close();
    } finally {
      tmp.cleanup();
    }
  });
});

import assert from 'node:assert/strict';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '@kindred/db';
import { tempDir } from '@kindred/testing';
import type { FileRecord } from './inventory-store.js';
import { inventoryWriter } from './inventory-writer.js';

function record(rootId: number, i: number): FileRecord {
  return {
    rootId,
    path: `/photos/f${i}.jpg`,
    hash: i.toString(16).padStart(64, '0'),
    size: 100 + i,
    mtimeMs: 1_700_000_000_000 + i,
    inode: 1000 + i,
    kind: 'image',
  };
}

describe('inventory writer thread', () => {
  it('commits batches in order on its own connection and reports the new contents', async () => {
    const tmp = tempDir();
    const db = openDatabase(join(tmp.path, 'kindred.db'));
    const writer = inventoryWriter(db, 1);
    try {
      const rootId = db.$client
        .prepare(`insert into roots (path) values ('/photos') returning id`)
        .pluck()
        .get();
      for (let i = 0; i < 3; i++) writer.add(record(rootId as number, i));
      const first = writer.flush();
      writer.add(record(rootId as number, 2)); // the same content at the same path again: nothing new
      writer.add(record(rootId as number, 3));
      const second = writer.flush();
      assert.deepEqual(
        (await first).map((c) => c.path),
        ['/photos/f0.jpg', '/photos/f1.jpg', '/photos/f2.jpg'],
      );
      assert.deepEqual(
        (await second).map((c) => c.path),
        ['/photos/f3.jpg'],
      );
      const rows = db.$client.prepare('select count(*) from files').pluck().get();
      assert.equal(rows, 4, 'the run connection sees what the writer committed');
    } finally {
      await writer.close();
      db.$client.close();
      tmp.cleanup();
    }
  });

  it('fails every flush with the reason, instead of hanging, when its thread cannot open the database', async () => {
    const tmp = tempDir();
    const path = join(tmp.path, 'kindred.db');
    const db = openDatabase(path);
    renameSync(path, join(tmp.path, 'moved.db')); // the run's connection keeps the file it opened
    mkdirSync(path); // the writer thread finds a folder where the database was
    const writer = inventoryWriter(db, 1);
    try {
      writer.add(record(1, 0));
      await assert.rejects(writer.flush(), /directory|unable to open|cannot open/i);
      await assert.rejects(writer.flush(), /directory|unable to open|cannot open/i);
    } finally {
      await writer.close();
      db.$client.close();
      tmp.cleanup();
    }
  });
});

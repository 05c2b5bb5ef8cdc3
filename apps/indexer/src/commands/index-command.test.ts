import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '@kindred/db';
import { tempDir } from '@kindred/testing';
import { cliEnv, indexJson, runCli } from '../testing/cli-runner.js';
import { querySql, readFiles, writeTree } from '../testing/trees.js';

describe('kindred index: roots, report, database problems', () => {
  it('prints exactly one JSON object with the documented keys on stdout', async () => {
    const tmp = tempDir();
    try {
      writeTree(tmp.path, { 'p/a.txt': 'a', 'p/b.txt': 'b' });
      const result = await runCli(['index', '--json', '--db', join(tmp.path, 'k.db'), join(tmp.path, 'p')]);
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.trim().split('\n');
      assert.equal(lines.length, 1, 'one line of JSON');
      const json = JSON.parse(lines[0] ?? '');
      const keys = Object.keys(json);
      for (const key of ['files', 'errors', 'durationMs']) assert.ok(keys.includes(key), `has ${key}`);
      const stepSections = ['faces', 'picasa', 'xmp', 'people']; // added by the steps after the inventory
      assert.deepEqual(
        keys.filter((key) => !['files', 'errors', 'durationMs', ...stepSections].includes(key)),
        [],
      );
      assert.deepEqual(Object.keys(json.files).sort(), [
        'changed',
        'duplicates',
        'moved',
        'new',
        'removed',
        'seen',
        'unchanged',
      ]);
      assert.equal(typeof json.durationMs, 'number');
      assert.deepEqual(json.errors, []);
    } finally {
      tmp.cleanup();
    }
  });

  it('remembers roots, re-indexes them with no arguments, and absorbs a root given inside another', async () => {
    const tmp = tempDir();
    try {
      const db = join(tmp.path, 'k.db');
      writeTree(tmp.path, { 'lib/2019/a.jpg': 'a', 'lib/2020/b.jpg': 'b', 'other/c.jpg': 'c' });
      await indexJson(db, [join(tmp.path, 'lib/2019')]);
      await indexJson(db, [join(tmp.path, 'other')]);
      const outer = await indexJson(db, [join(tmp.path, 'lib')]);
      assert.equal(outer.files.new, 1, 'lib/2020/b.jpg is new; lib/2019 was already known');
      const again = await indexJson(db, []);
      assert.deepEqual([again.files.seen, again.files.unchanged], [3, 3]);
      const status = await runCli(['status', '--json', '--db', db]);
      const roots = (JSON.parse(status.stdout) as { roots: { path: string; files: number }[] }).roots;
      assert.deepEqual(roots, [
        { path: join(tmp.path, 'lib'), files: 2, bytes: 2 },
        { path: join(tmp.path, 'other'), files: 1, bytes: 1 },
      ]);
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses a missing root given on the command line, and keeps the files of a remembered root that went missing', async () => {
    const tmp = tempDir();
    try {
      const db = join(tmp.path, 'k.db');
      const missing = await runCli(['index', '--db', db, join(tmp.path, 'nope')]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /root folder .*nope does not exist/);
      const none = await runCli(['index', '--db', db]);
      assert.equal(none.code, 1);
      assert.match(none.stderr, /no roots to index/);

      writeTree(tmp.path, { 'usb/a.jpg': 'a' });
      await indexJson(db, [join(tmp.path, 'usb')]);
      renameSync(join(tmp.path, 'usb'), join(tmp.path, 'unplugged'));
      const report = await indexJson(db, []);
      assert.equal(report.files.removed, 0);
      assert.match(report.errors[0]?.error ?? '', /root folder is missing/);
      assert.equal(readFiles(db)[0]?.status, 'present');
    } finally {
      tmp.cleanup();
    }
  });

  it('fails clearly on a corrupt database file and on a database path that cannot be created', async () => {
    const tmp = tempDir();
    try {
      writeTree(tmp.path, { 'p/a.jpg': 'a' });
      const garbage = join(tmp.path, 'kindred.db');
      writeFileSync(garbage, 'this is not an SQLite database, just text '.repeat(200));
      const corrupt = await runCli(['index', '--db', garbage, join(tmp.path, 'p')]);
      assert.equal(corrupt.code, 1);
      assert.match(corrupt.stderr, /kindred: .*kindred\.db.*not a database/);
      assert.doesNotMatch(corrupt.stderr, /at .*\.js:\d+/, 'no stack trace');
      const underFile = await runCli(['index', '--db', join(garbage, 'sub', 'k.db'), join(tmp.path, 'p')]);
      assert.equal(underFile.code, 1);
      assert.match(underFile.stderr, /kindred: cannot open database/);
      const status = await runCli(['status', '--db', join(tmp.path, 'absent.db')]);
      assert.equal(status.code, 1);
      assert.match(status.stderr, /no Kindred database at/);
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses to run while another live index holds the database, and takes over from a killed one', async () => {
    const tmp = tempDir();
    try {
      const db = join(tmp.path, 'k.db');
      writeTree(tmp.path, { 'p/a.jpg': 'a' });
      await indexJson(db, [join(tmp.path, 'p')]);
      // A live process whose command line names kindred holds a 'running' row, as a real run would.
      const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'kindred-index-holder'], {
        stdio: 'ignore',
      });
      const sqlite = openDatabase(db).$client;
      sqlite
        .prepare(
          `INSERT INTO runs (command, started_at, status, pid) VALUES ('index', '2026-01-01T00:00:00Z', 'running', ?)`,
        )
        .run(holder.pid);
      sqlite.close();
      const refused = await runCli(['index', '--db', db]);
      assert.equal(refused.code, 3);
      assert.match(
        refused.stderr,
        new RegExp(`another "kindred index" is already running on this database \\(pid ${holder.pid}`),
      );

      holder.kill('SIGKILL');
      await once(holder, 'exit');
      const after = await runCli(['index', '--json', '--db', db], { env: cliEnv() });
      assert.equal(after.code, 0, after.stderr);
      const statuses = querySql<{ status: string; pid: number }>(
        db,
        'SELECT status, pid FROM runs ORDER BY id',
      );
      assert.deepEqual(
        statuses.map((run) => run.status),
        ['completed', 'interrupted', 'completed'],
      );
    } finally {
      tmp.cleanup();
    }
  });
});

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '@kindred/testing';
import { excludeTest } from '../jobs/exclude-patterns.js';
import { cliEnv, runCli } from '../testing/cli-runner.js';
import { readFiles, writeTree } from '../testing/trees.js';

describe('kindred.config.json and kindred config', () => {
  it('shows each effective value with its source: env beats the file, the file beats the default', async () => {
    const tmp = tempDir();
    try {
      const config = join(tmp.path, 'kindred.config.json');
      writeFileSync(
        config,
        JSON.stringify({ db: 'lib.db', vision: { workers: 3, detector: 'ssd' }, schedule: { at: '04:15' } }),
      );
      const env = cliEnv({ KINDRED_CONFIG: config, KINDRED_VISION_WORKERS: '1' });
      const result = await runCli(['config', '--json'], { env });
      assert.equal(result.code, 0, result.stderr);
      const { settings, configExists } = JSON.parse(result.stdout);
      assert.equal(configExists, true);
      assert.deepEqual(settings.db, {
        value: join(tmp.path, 'lib.db'),
        source: `file ${config}`,
        env: 'KINDRED_DB',
      });
      assert.equal(settings['vision.workers'].value, 1);
      assert.equal(settings['vision.workers'].source, 'env KINDRED_VISION_WORKERS');
      assert.equal(settings['vision.detector'].value, 'ssd');
      assert.equal(settings['schedule.at'].value, '04:15');
      assert.equal(settings['backup.keep'].source, 'default');
      const text = await runCli(['config'], { env });
      assert.match(text.stdout, /vision\.workers +1 +\[env KINDRED_VISION_WORKERS\]/);
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses a bad file or value with a message naming the file, key or variable', async () => {
    const tmp = tempDir();
    try {
      const config = join(tmp.path, 'kindred.config.json');
      const cases: [string, Record<string, string>, RegExp][] = [
        ['{"roots": [', {}, /cannot read config file .*kindred\.config\.json/],
        ['{"vison": {"workers": 2}}', {}, /unknown setting "vison\.workers"/],
        ['{"schedule": {"at": "25:00"}}', {}, /schedule\.at must be a time HH:MM/],
        ['{}', { KINDRED_BACKUP_KEEP: '0' }, /env KINDRED_BACKUP_KEEP: backup\.keep must be from 1/],
      ];
      for (const [text, extra, message] of cases) {
        writeFileSync(config, text);
        const result = await runCli(['status'], { env: cliEnv({ KINDRED_CONFIG: config, ...extra }) });
        assert.equal(result.code, 1);
        assert.match(result.stderr, message);
      }
    } finally {
      tmp.cleanup();
    }
  });

  it('kindred index with no folder indexes the configured roots and leaves out the excluded names', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.path, 'photos');
      writeTree(root, {
        'a.jpg': 'a',
        'Thumbs.db': 'windows litter',
        'x.tmp': 'temporary',
        'Screenshots/s.png': 'screenshot',
        'scans/raw/r.tif': 'raw scan',
        'scans/r.jpg': 'kept scan',
      });
      const config = join(tmp.path, 'kindred.config.json');
      const exclude = ['Thumbs.db', '*.TMP', 'Screenshots', 'scans/raw'];
      writeFileSync(config, JSON.stringify({ db: 'k.db', roots: ['photos'], exclude }));
      const result = await runCli(['index', '--json', '--no-faces'], {
        env: cliEnv({ KINDRED_CONFIG: config }),
      });
      assert.equal(result.code, 0, result.stderr);
      const paths = readFiles(join(tmp.path, 'k.db')).map((row) => row.path.slice(root.length + 1));
      assert.deepEqual(paths, ['a.jpg', 'scans/r.jpg']);
    } finally {
      tmp.cleanup();
    }
  });

  it('exclude patterns: names anywhere, paths from the root, ** across folders, absolute paths', () => {
    const test = excludeTest(['*.tmp', 'Scans/raw', '**/exports', '/mnt/p/private']);
    assert.ok(test);
    const root = '/mnt/p';
    assert.equal(test('/mnt/p/a/b/file.TMP', root), true);
    assert.equal(test('/mnt/p/scans/raw', root), true);
    assert.equal(test('/mnt/p/old/scans/raw', root), false, 'a path pattern is anchored at the root');
    assert.equal(test('/mnt/p/exports', root), true);
    assert.equal(test('/mnt/p/2020/x/exports', root), true);
    assert.equal(test('/mnt/p/private', root), true);
    assert.equal(test('/mnt/p/a.jpg', root), false);
    assert.equal(excludeTest([]), undefined);
  });
});

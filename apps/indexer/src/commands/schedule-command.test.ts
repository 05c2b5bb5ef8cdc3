import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '@kindred/testing';
import { cliEnv, runCli } from '../testing/cli-runner.js';

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('kindred schedule', () => {
  it('without a systemd user manager: writes the units, prints a crontab line; status and remove', async () => {
    const tmp = tempDir();
    try {
      const units = join(tmp.path, 'units');
      const db = join(tmp.path, 'data dir', 'k.db');
      const env = cliEnv({ KINDRED_SYSTEMD_DIR: units, KINDRED_SYSTEMCTL: join(tmp.path, 'no-systemctl') });
      const installed = await runCli(['schedule', 'install', '--at', '03:45', '--db', db], { env });
      assert.equal(installed.code, 0, installed.stderr);
      assert.match(installed.stdout, /No systemd user manager here/);
      const cron = /^ {2}(45 3 \* \* \* .*)$/m.exec(installed.stdout)?.[1] ?? '';
      assert.match(
        cron,
        /'\/.*cli\.js' 'index' '--db' '.*\/data dir\/k\.db' >> '.*\/data dir\/index\.log' 2>&1$/,
      );
      const timer = readFileSync(join(units, 'kindred-index.timer'), 'utf8');
      assert.match(timer, /^OnCalendar=\*-\*-\* 03:45:00$/m);
      assert.match(timer, /^Persistent=true$/m, 'a missed night is caught up');
      const service = readFileSync(join(units, 'kindred-index.service'), 'utf8');
      assert.match(service, /^ExecStart=".*node.*" ".*cli\.js" "index" "--db" ".*\/data dir\/k\.db"$/m);

      const status = await runCli(['schedule', 'status', '--json', '--db', db], { env });
      assert.equal(status.code, 0, status.stderr);
      const json = JSON.parse(status.stdout);
      assert.equal(json.installed, true);
      assert.equal(json.at, '03:45');
      assert.match(json.systemd, /^not available/);
      assert.equal(json.lastRun, null);
      assert.equal(json.overdue, true, 'installed and never completed');

      const removed = await runCli(['schedule', 'remove'], { env });
      assert.equal(removed.code, 0, removed.stderr);
      assert.equal(existsSync(join(units, 'kindred-index.timer')), false);
      assert.equal(
        JSON.parse((await runCli(['schedule', 'status', '--json'], { env })).stdout).installed,
        false,
      );
      const bad = await runCli(['schedule', 'install', '--at', '2:30'], { env });
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /--at: not a time HH:MM/);
    } finally {
      tmp.cleanup();
    }
  });

  it('with systemctl: reloads, enables the timer now, and disables it on remove', async () => {
    const tmp = tempDir();
    try {
      // A stand-in for systemd's own tool (not ours): logs its arguments and succeeds.
      const log = join(tmp.path, 'calls.log');
      const systemctl = join(tmp.path, 'systemctl');
      writeFileSync(systemctl, `#!/bin/sh\necho "$*" >> '${log}'\n`);
      chmodSync(systemctl, 0o755);
      const env = cliEnv({ KINDRED_SYSTEMD_DIR: join(tmp.path, 'units'), KINDRED_SYSTEMCTL: systemctl });
      const installed = await runCli(['schedule', 'install', '--db', join(tmp.path, 'k.db')], { env });
      assert.equal(installed.code, 0, installed.stderr);
      assert.match(installed.stdout, /Enabled kindred-index\.timer/);
      assert.match(readFileSync(join(tmp.path, 'units', 'kindred-index.timer'), 'utf8'), /02:30:00/);
      await runCli(['schedule', 'remove'], { env });
      const calls = readFileSync(log, 'utf8').trim().split('\n');
      assert.deepEqual(
        calls.filter((c) => !c.endsWith('show-environment')),
        [
          '--user daemon-reload',
          '--user enable --now kindred-index.timer',
          '--user disable --now kindred-index.timer',
          '--user daemon-reload',
        ],
      );
    } finally {
      tmp.cleanup();
    }
  });

  it('the units pass systemd-analyze verify', {
    skip: !hasSystemdAnalyze && 'systemd-analyze not installed',
  }, async () => {
    const tmp = tempDir();
    try {
      const units = join(tmp.path, 'units');
      const env = cliEnv({ KINDRED_SYSTEMD_DIR: units, KINDRED_SYSTEMCTL: join(tmp.path, 'none') });
      await runCli(['schedule', 'install', '--db', join(tmp.path, 'k.db')], { env });
      // System mode: a container has no user manager for --user, and the syntax checked is the same.
      const files = ['kindred-index.timer', 'kindred-index.service'].map((name) => join(units, name));
      const verify = spawnSync('systemd-analyze', ['verify', ...files], { encoding: 'utf8' });
      assert.equal(verify.status, 0, verify.stderr);
      assert.deepEqual(
        verify.stderr.split('\n').filter((line) => /kindred-index/.test(line)),
        [],
      );
    } finally {
      tmp.cleanup();
    }
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { tempDir } from '@kindred/testing';
import { type CliResult, cliEnv, cliPath, finished, runCli } from '../testing/cli-runner.js';

/** Runs the CLI with `input` on standard input (how scripts hand it a password). */
async function withInput(args: string[], input: string): Promise<CliResult> {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: cliEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(input);
  return finished(child);
}

describe('kindred user and kindred token', () => {
  const dir = tempDir();
  const db = join(dir.path, 'kindred.db');
  after(() => dir.cleanup());

  test('the first account must be the owner; passwords come from stdin, never arguments', async () => {
    const first = await withInput(
      ['user', 'add', '--email', 'tom@example.org', '--name', 'Tom', '--db', db],
      'long password 1\n',
    );
    assert.equal(first.code, 1);
    assert.match(first.stderr, /first account must be the owner/);
    const short = await withInput(
      ['user', 'add', '--owner', '--email', 'gran@example.org', '--name', 'Gran', '--db', db],
      'short\n',
    );
    assert.match(short.stderr, /at least 10 characters/);
    const owner = await withInput(
      ['user', 'add', '--owner', '--email', 'gran@example.org', '--name', 'Gran', '--db', db],
      'long password 1\n',
    );
    assert.equal(owner.code, 0, owner.stderr);
    assert.match(owner.stdout, /Added Gran <gran@example.org> as owner/);
    const twice = await withInput(
      ['user', 'add', '--email', 'GRAN@example.org', '--name', 'G', '--db', db],
      'long password 1\n',
    );
    assert.match(twice.stderr, /already has an account/);
  });

  test('list, role, invite and the last-owner rule', async () => {
    await withInput(
      ['user', 'add', '--role', 'editor', '--email', 'tom@example.org', '--name', 'Tom', '--db', db],
      'long password 2\n',
    );
    const list = JSON.parse((await runCli(['user', 'list', '--json', '--db', db])).stdout) as {
      email: string;
      role: string;
    }[];
    assert.deepEqual(
      list.map((m) => `${m.email}:${m.role}`),
      ['gran@example.org:owner', 'tom@example.org:editor'],
    );
    const demote = await runCli(['user', 'role', 'gran@example.org', 'viewer', '--db', db]);
    assert.match(demote.stderr, /only owner/);
    const invite = await runCli([
      'user',
      'invite',
      '--role',
      'viewer',
      '--url',
      'http://photos.local:3000/',
      '--db',
      db,
    ]);
    assert.match(invite.stdout.trim(), /^http:\/\/photos\.local:3000\/invite\/inv_[\w-]{43}$/);
  });

  test('a token is printed once, works with kindred api, and stops working when revoked', async () => {
    const created = await runCli([
      'token',
      'create',
      '--name',
      'nightly-report',
      '--role',
      'viewer',
      '--db',
      db,
    ]);
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^kdr_[\w-]{43}$/);
    const listed = (await runCli(['token', 'list', '--db', db])).stdout;
    assert.match(listed, /nightly-report {2}viewer {2}last used never/);
    assert.ok(!listed.includes(token), 'the token itself is never shown again');

    // Two processes sharing the port (node:cluster), whatever this machine's core count.
    const api = spawn(process.execPath, [cliPath, 'api', '--port', '0', '--workers', '2', '--db', db], {
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    api.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    while (!/GraphQL API on (\S+)/.test(stderr)) await once(api.stderr, 'data');
    const url = /GraphQL API on (\S+)/.exec(stderr)?.[1] as string;
    assert.match(stderr, /\(2 processes\)/);
    const ask = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ me { role name } }' }),
      });
    try {
      assert.equal((await ask({})).status, 401);
      const answer = await ask({ authorization: `Bearer ${token}` });
      assert.equal(answer.status, 200);
      assert.deepEqual(((await answer.json()) as { data: unknown }).data, {
        me: { role: 'viewer', name: 'token:nightly-report' },
      });
      assert.equal((await runCli(['token', 'revoke', 'nightly-report', '--db', db])).code, 0);
      assert.equal((await ask({ authorization: `Bearer ${token}` })).status, 401);
      for (let i = 0; i < 4; i++) {
        // Each process checks the token itself: a revoked one stays refused whichever process answers.
        assert.equal((await ask({ authorization: `Bearer ${token}` })).status, 401);
      }
    } finally {
      api.kill('SIGTERM');
      const [code] = await once(api, 'close');
      assert.equal(code, 0, 'the primary ends once every server process has');
    }
    assert.match(
      (await runCli(['token', 'list', '--db', db])).stdout,
      /nightly-report {2}viewer {2}revoked /,
    );
  });
});

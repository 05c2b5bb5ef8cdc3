import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tempDir } from '@kindred/testing';
import { cliPath } from '../testing/cli-runner.js';

/**
 * Inventory benchmark: `node dist/bench/inventory-bench.js [--small N] [--large-mb N]` (part of `npm run bench`)
 * (or env KINDRED_BENCH_SMALL / KINDRED_BENCH_LARGE_MB). Defaults: 100,000 small files (1–8 KB) twice, named as photos and not, and
 * 2,048 MB of 32 MB files, generated in a temporary folder that is removed afterwards.
 */
const { values } = parseArgs({
  options: {
    small: { type: 'string', default: process.env.KINDRED_BENCH_SMALL ?? '100000' },
    'large-mb': { type: 'string', default: process.env.KINDRED_BENCH_LARGE_MB ?? '2048' },
  },
});
const smallCount = Number(values.small);
const largeMb = Number(values['large-mb']);
const LARGE_FILE_MB = 32;
const MB = 1024 * 1024;

/**
 * Small files named like photos (`IMG_n.jpg`: image steps such as the XMP import run on them) or like
 * other files (`n.bin`: the inventory alone).
 */
function writeSmall(root: string, count: number, name: (i: number) => string): number {
  const pool = randomBytes(8192 + 64);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    if (i % 500 === 0) mkdirSync(join(root, `d${i / 500}`), { recursive: true });
    const size = 1024 + ((i * 7919) % 7169);
    const content = Buffer.concat([Buffer.from(`${i}:`), pool.subarray(i % 64, (i % 64) + size)]);
    writeFileSync(join(root, `d${Math.floor(i / 500)}`, name(i)), content);
    bytes += content.length;
  }
  return bytes;
}

function writeLarge(root: string, totalMb: number): number {
  mkdirSync(root, { recursive: true });
  const block = randomBytes(LARGE_FILE_MB * MB);
  let bytes = 0;
  for (let i = 0; bytes < totalMb * MB; i++) {
    block.writeUInt32LE(i, 0); // distinct contents
    const size = Math.min(block.length, totalMb * MB - bytes);
    writeFileSync(join(root, `VID_${i}.mp4`), block.subarray(0, size));
    bytes += size;
  }
  return bytes;
}

interface Timed {
  wall: number;
  /** User + system CPU seconds of the command and its threads/children (less sensitive to a busy machine). */
  cpu: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time to get its CPU time next to the wall time. */
function timed(command: string, args: string[]): Timed {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const [user, sys] = (result.stderr.trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
  return { wall, cpu: (user ?? 0) + (sys ?? 0), stdout: result.stdout };
}

function kindredIndex(db: string, root: string): Timed & { seen: number } {
  const run = timed(process.execPath, [cliPath, 'index', '--json', '--no-faces', '--db', db, root]);
  return { ...run, seen: (JSON.parse(run.stdout) as { files: { seen: number } }).files.seen };
}

function sha256sum(root: string): Timed {
  return timed('sh', ['-c', 'find "$1" -type f -print0 | xargs -0 sha256sum > /dev/null', 'sh', root]);
}

const tmp = tempDir('kindred-bench-');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    tmp.cleanup();
    process.exit(130);
  });
}
try {
  const small = join(tmp.path, 'small');
  const large = join(tmp.path, 'large');
  process.stderr.write(
    `generating 2 × ${smallCount} small files and ${largeMb} MB of large files in ${tmp.path}…\n`,
  );
  const smallBytes = writeSmall(small, smallCount, (i) => `IMG_${i}.jpg`);
  const other = join(tmp.path, 'other');
  const otherBytes = writeSmall(other, smallCount, (i) => `${i}.bin`);
  const largeBytes = writeLarge(large, largeMb);
  const rows: Record<string, string>[] = [];
  for (const [name, root, bytes, count] of [
    ['small files, not images', other, otherBytes, smallCount],
    ['small files named as photos', small, smallBytes, smallCount],
    ['large files', large, largeBytes, Math.ceil(largeMb / LARGE_FILE_MB)],
  ] as const) {
    sha256sum(root); // warm the page cache for both contenders
    const first = kindredIndex(join(tmp.path, `${name}.db`), root);
    const sum = sha256sum(root);
    const again = kindredIndex(join(tmp.path, `${name}.db`), root);
    if (first.seen !== count || again.seen !== count)
      throw new Error(`expected ${count} files, saw ${first.seen}/${again.seen}`);
    const mb = bytes / MB;
    rows.push({
      tree: name,
      files: String(count),
      MB: mb.toFixed(0),
      'first index s (CPU s)': `${first.wall.toFixed(2)} (${first.cpu.toFixed(2)})`,
      'files/s': (count / first.wall).toFixed(0),
      'MB/s': (mb / first.wall).toFixed(0),
      'sha256sum s (CPU s)': `${sum.wall.toFixed(2)} (${sum.cpu.toFixed(2)})`,
      'sha256sum MB/s': (mb / sum.wall).toFixed(0),
      'ratio wall (CPU)': `${((100 * sum.wall) / first.wall).toFixed(0)}% (${((100 * sum.cpu) / first.cpu).toFixed(0)}%)`,
      'unchanged re-index s (CPU s)': `${again.wall.toFixed(2)} (${again.cpu.toFixed(2)})`,
    });
  }
  const header = Object.keys(rows[0] ?? {});
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${header.map((h) => row[h]).join(' | ')} |`),
  ];
  process.stdout.write(
    `\nInventory benchmark (${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, ${new Date().toISOString()})\n`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    `Load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  process.stdout.write(
    'ratio = sha256sum time / kindred time (CPU: user + system seconds of all threads).\n',
  );
  process.stdout.write('Targets: ratio >= 80%; unchanged re-index of 100,000 files <= 3 s.\n');
} finally {
  tmp.cleanup();
}

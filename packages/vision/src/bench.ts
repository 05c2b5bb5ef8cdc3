/**
 * `npm run bench -w @kindred/vision [-- --quick] [--sides 640,1024] [--detectors auto,ssd] [--workers 1,2]`
 * Per detector and max side, on the MANIFEST.tsv photos with faces_expected: ms per photo for decode, detect
 * and landmarks+descriptor (one thread), end-to-end photos/s through the pool, faces found vs expected.
 * `--quick` uses every 4th photo.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseTsv, requireTestData } from '@kindred/testing';
import { backendInfo } from './backend.js';
import { describeFaces } from './describe.js';
import { detectFaces } from './detect.js';
import { loadImage } from './load-image.js';
import type { DetectorName } from './types.js';
import { createVisionPool } from './worker-pool.js';

interface Photo {
  path: string;
  expected: number;
}

interface Row {
  detector: DetectorName;
  side: number;
  decode: number;
  detect: number;
  describe: number;
  perSecond: Map<number, number>;
  found: number;
  extra: number;
  exact: number;
}

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sides: { type: 'string', default: '1024,640,1600' },
    detectors: { type: 'string', default: 'auto,ssd,tiny' },
    workers: { type: 'string', default: '1,2' },
  },
});

function corpus(): Photo[] {
  const faces = join(requireTestData(), 'faces');
  const rows = parseTsv(readFileSync(join(faces, 'MANIFEST.tsv'), 'utf8'))
    .filter((row) => row.faces_expected !== '')
    .map((row) => ({ path: join(faces, row.path as string), expected: Number(row.faces_expected) }));
  return values.quick ? rows.filter((_, i) => i % 4 === 0) : rows;
}

async function stages(
  photos: Photo[],
  detector: DetectorName,
  side: number,
): Promise<Omit<Row, 'perSecond'>> {
  const row = { detector, side, decode: 0, detect: 0, describe: 0, found: 0, extra: 0, exact: 0 };
  for (const photo of photos) {
    const t0 = performance.now();
    const image = await loadImage(photo.path, { maxSide: side });
    const t1 = performance.now();
    const faces = await detectFaces(image, { detector });
    const t2 = performance.now();
    await describeFaces(
      image,
      faces.map((f) => f.box),
    );
    const t3 = performance.now();
    row.decode += t1 - t0;
    row.detect += t2 - t1;
    row.describe += t3 - t2;
    row.found += Math.min(faces.length, photo.expected);
    row.extra += Math.max(0, faces.length - photo.expected);
    row.exact += faces.length === photo.expected ? 1 : 0;
  }
  const n = photos.length;
  return { ...row, decode: row.decode / n, detect: row.detect / n, describe: row.describe / n };
}

/** End-to-end photos/s through a pool (decode on the main thread, inference in workers), after a warm-up. */
async function throughput(
  photos: Photo[],
  detector: DetectorName,
  side: number,
  workers: number,
): Promise<number> {
  const pool = createVisionPool({ workers, detector, maxSide: side });
  try {
    await Promise.all(photos.slice(0, workers * 2).map((p) => pool.analyze(p.path)));
    const start = performance.now();
    const jobs: Promise<unknown>[] = [];
    for (const photo of photos) {
      await pool.whenReady();
      jobs.push(pool.analyze(photo.path));
    }
    await Promise.all(jobs);
    return photos.length / ((performance.now() - start) / 1000);
  } finally {
    await pool.close();
  }
}

function printHeader(workerCounts: number[]): void {
  const header = [
    'detector',
    'max side',
    'decode ms',
    'detect ms',
    'landmarks+descriptor ms',
    ...workerCounts.map((w) => `photos/s ${w} worker${w > 1 ? 's' : ''}`),
    'faces found / expected',
    'extra faces',
    'exact count',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
}

/** One table row, printed as soon as it is measured. */
function printRow(r: Row, photos: Photo[], workerCounts: number[]): void {
  const expected = photos.reduce((sum, p) => sum + p.expected, 0);
  const cells = [
    r.detector,
    String(r.side),
    r.decode.toFixed(0),
    r.detect.toFixed(0),
    r.describe.toFixed(0),
    ...workerCounts.map((w) => (r.perSecond.get(w) ?? 0).toFixed(2)),
    `${r.found} / ${expected}`,
    String(r.extra),
    `${r.exact} / ${photos.length} (${((100 * r.exact) / photos.length).toFixed(1)}%)`,
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

async function main(): Promise<void> {
  const photos = corpus();
  const sides = values.sides.split(',').map(Number);
  const detectors = values.detectors.split(',') as DetectorName[];
  const workerCounts = values.workers.split(',').map(Number);
  const info = await backendInfo();
  console.log(
    `# @kindred/vision bench — ${new Date().toISOString()} — ${photos.length} photos${values.quick ? ' (--quick)' : ''}`,
  );
  console.log(
    `# ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}, backend ${info.name}${
      info.simd === undefined ? '' : ` (SIMD ${info.simd ? 'on' : 'off'})`
    }`,
  );
  await stages(photos.slice(0, 2), 'auto', 1024); // warm-up: model load and first-run kernel setup
  printHeader(workerCounts);
  for (const side of sides) {
    for (const detector of detectors) {
      const row: Row = { ...(await stages(photos, detector, side)), perSecond: new Map() };
      for (const w of workerCounts) row.perSecond.set(w, await throughput(photos, detector, side, w));
      printRow(row, photos, workerCounts);
    }
  }
}

await main();

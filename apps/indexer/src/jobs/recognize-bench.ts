/**
 * Benchmark: the recognition step of `kindred index` on a real database file. A library of
 * N synthetic faces (I people, 70% named, 35% of their faces confirmed) is recognised by a full run,
 * then N new faces arrive and the incremental step is timed (load, recognise, write in one figure).
 * Usage: node dist/jobs/recognize-bench.js (BENCH_IDENTITIES, BENCH_FACES_PER_IDENTITY as the
 * recognition bench; defaults 2000 × 50 = 100,000 faces each side).
 */
import { openDatabase, vectorToBlob } from '@kindred/db';
import { row, syntheticFaces } from '@kindred/recognition';
import { tempDir } from '@kindred/testing';
import { runRecognition } from './recognize.js';

const IDENTITIES = Number(process.env.BENCH_IDENTITIES ?? 2000);
const PER = Number(process.env.BENCH_FACES_PER_IDENTITY ?? 50);
const NAMED = Math.round(IDENTITIES * 0.7);
const all = syntheticFaces({ identities: IDENTITIES, facesPerIdentity: 2 * PER, seed: 2026 });
const dir = tempDir('kindred-recognize-bench-');
const db = openDatabase(`${dir.path}/bench.db`);
const sqlite = db.$client;

/** Inserts faces [from, to) of the library (i % 2PER < PER) or the new half, one photo each. */
function insert(library: boolean) {
  const content = sqlite.prepare(`INSERT INTO contents (hash, size, kind) VALUES (?, 1, 'image')`);
  const photo = sqlite.prepare('INSERT INTO photos (hash) VALUES (?)');
  const face = sqlite.prepare(
    `INSERT INTO faces (photo_hash, x, y, w, h, descriptor, source, person_id, state)
     VALUES (?, 0.1, 0.1, 0.2, 0.2, ?, 'detected', ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < all.identity.length; i++) {
      if (i % (2 * PER) < PER !== library) continue;
      const identity = all.identity[i] as number;
      const confirmed = library && identity < NAMED && i % (2 * PER) < Math.round(0.35 * PER);
      content.run(`p${i}`);
      photo.run(`p${i}`);
      face.run(
        `p${i}`,
        vectorToBlob(row(all.descriptors, i)),
        confirmed ? identity + 1 : null,
        confirmed ? 'confirmed' : 'unassigned',
      );
    }
  })();
}

const measure = (label: string, fn: () => ReturnType<typeof runRecognition>) => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const report = fn();
  const used = process.cpuUsage(cpu);
  const wall = ((performance.now() - t) / 1000).toFixed(2);
  const line = `| ${label} | ${report.faces} faces, ${report.suggested} suggested, ${report.grouped} grouped | ${wall} s | ${((used.user + used.system) / 1e6).toFixed(2)} s |`;
  console.error(line);
  return line;
};

try {
  const people = sqlite.prepare('INSERT INTO people (id, name) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (let p = 0; p < NAMED; p++) people.run(p + 1, `Person ${p + 1}`);
  })();
  insert(true);
  const lines = [
    measure('full run of the library (prototypes, name, group, write)', () => runRecognition(db)),
  ];
  insert(false);
  lines.push(measure('incremental step: new faces (load, name, group, write)', () => runRecognition(db)));
  console.log(`Recognition on a database: ${IDENTITIES} identities, ${IDENTITIES * PER} faces each side\n`);
  console.log('| step | faces | wall time | CPU time |\n|---|---|---|---|');
  for (const line of lines) console.log(line);
} finally {
  sqlite.close();
  dir.cleanup();
}

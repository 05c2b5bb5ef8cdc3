import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type KindredDb, openDatabase, vectorToBlob } from '@kindred/db';
import { row, syntheticFaces } from '@kindred/recognition';
import { tempDir } from '@kindred/testing';
import { runCli } from '../testing/cli-runner.js';
import { runLearn } from './learn.js';
import { runRecognition } from './recognize.js';

// 30 people × 10 faces whose last 64 dimensions carry no identity: the plain metric names few of
// them; a metric learned from the confirmed faces names most. One face per photo.
const set = syntheticFaces({ identities: 30, facesPerIdentity: 10, seed: 8, uninformativeDims: 64 });
let dir: { path: string; cleanup: () => void };
let db: KindredDb;
const quick = { steps: 120 };

const snapshot = () =>
  db.$client
    .prepare(
      'SELECT id, person_id AS p, state, cluster_id AS c, suggestion_distance AS d FROM faces ORDER BY id',
    )
    .all();

before(() => {
  dir = tempDir('kindred-learn-');
  db = openDatabase(`${dir.path}/k.db`);
  const s = db.$client;
  for (let p = 1; p <= 30; p++)
    s.prepare('INSERT INTO people (id, name) VALUES (?, ?)').run(p, `Person ${p}`);
  for (let i = 0; i < set.identity.length; i++) {
    s.prepare(`INSERT INTO contents (hash, size, kind) VALUES (?, 1, 'image')`).run(`p${i}`);
    s.prepare('INSERT INTO photos (hash) VALUES (?)').run(`p${i}`);
    const confirmed = i % 10 < 5;
    s.prepare(
      `INSERT INTO faces (photo_hash, x, y, w, h, descriptor, source, person_id, state) VALUES (?, 0.1, 0.1, 0.2, 0.2, ?, 'detected', ?, ?)`,
    ).run(
      `p${i}`,
      vectorToBlob(row(set.descriptors, i)),
      confirmed ? (set.identity[i] as number) + 1 : null,
      confirmed ? 'confirmed' : 'unassigned',
    );
  }
});

after(() => {
  db.$client.close();
  dir.cleanup();
});

const suggested = () =>
  db.$client.prepare(`SELECT COUNT(*) AS n FROM faces WHERE state = 'suggested'`).get() as { n: number };

test('a metric trained on shuffled labels is refused and recognition is left as it was', async () => {
  runRecognition(db, { full: true });
  const before = snapshot();
  const report = await runLearn(db, { train: quick, shuffleLabels: true });
  assert.equal(report.metric?.adopted, false, report.reason);
  assert.equal(report.recognition, undefined);
  assert.deepEqual(snapshot(), before);
});

test('a metric that helps is adopted, used by recognition, shown by status, and reset restores the results exactly', async () => {
  runRecognition(db, { full: true });
  const plain = snapshot();
  const namedBefore = suggested().n;
  const confirmedBefore = db.$client
    .prepare(`SELECT id, person_id FROM faces WHERE state = 'confirmed'`)
    .all();
  const report = await runLearn(db, { train: quick });
  assert.equal(report.metric?.adopted, true, report.reason);
  assert.ok(report.metric && report.metric.learned.recall > report.metric.current.recall);
  assert.ok(suggested().n > namedBefore + 30, `suggested ${namedBefore} → ${suggested().n}`);
  for (const f of db.$client
    .prepare(`SELECT id, person_id AS p, state FROM faces WHERE state = 'suggested'`)
    .all() as {
    id: number;
    p: number;
  }[])
    assert.equal(f.p, (set.identity[f.id - 1] as number) + 1, `face ${f.id}`);
  assert.deepEqual(
    db.$client.prepare(`SELECT id, person_id FROM faces WHERE state = 'confirmed'`).all(),
    confirmedBefore,
  );
  const status = await runCli(['status', '--db', `${dir.path}/k.db`]);
  assert.match(status.stdout, /Learned metric: in use; held-out precision \/ recall \/ grouping: learned/);
  const reset = await runLearn(db, { reset: true });
  assert.equal(reset.status, 'done');
  assert.deepEqual(snapshot(), plain);
  const json = JSON.parse((await runCli(['status', '--db', `${dir.path}/k.db`, '--json'])).stdout);
  assert.equal(json.learnedMetric.adopted, false);
  assert.ok(json.learnedMetric.resetAt);
});

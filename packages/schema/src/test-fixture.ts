import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  albumPhotos,
  albums,
  clusters,
  contents,
  faces,
  files,
  type KindredDb,
  openDatabase,
  people,
  photos,
  roots,
  runs,
  vectorToBlob,
} from '@kindred/db';
import { parseTsv, requireTestData, tempDir } from '@kindred/testing';

/**
 * The one place test data for the API is built: a real SQLite file holding the real photos of
 * ../shared/faces (SHA-256 of their bytes, their paths), with faces, people, clusters and albums
 * laid out from the corpus labels. Descriptors are synthetic until the indexer fills them
 * (then this becomes "run `kindred index` on ../shared/faces").
 */
export interface ApiFixture {
  db: KindredDb;
  dbPath: string;
  facesDir: string;
  personIdByName: Map<string, number>;
  clusterIdByIdentity: Map<string, number>;
  hashByRelativePath: Map<string, string>;
  cleanup: () => void;
}

/** Identities left unnamed (their faces form clusters only): "Who is this?" material. */
const UNNAMED_IDENTITIES = new Set([
  'Tom Ridge',
  'Spencer Abraham',
  'Richard Gere',
  'Ricardo Lagos',
  'Pete Sampras',
]);
/** An identity whose confirmed faces form a person with no name yet. */
const NAMELESS_PERSON = 'CompreFace person A';

function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

function descriptorNear(center: number[], random: () => number): Buffer {
  return vectorToBlob(center.map((v) => v + (random() - 0.5) * 0.05));
}

function takenAt(index: number): string | null {
  if (index % 17 === 5) return null;
  const year = 2005 + (index % 8);
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 27)).padStart(2, '0');
  return `${year}-${month}-${day}T12:${String(index % 60).padStart(2, '0')}:00`;
}

export function buildApiFixture(): ApiFixture {
  const facesDir = join(requireTestData(), 'faces');
  const temp = tempDir('kindred-api-');
  const dbPath = join(temp.path, 'kindred.db');
  const db = openDatabase(dbPath);
  const manifest = parseTsv(readFileSync(join(facesDir, 'MANIFEST.tsv'), 'utf8'));
  const groups = parseTsv(readFileSync(join(facesDir, 'groups.tsv'), 'utf8'));
  const random = seeded(7);
  const personIdByName = new Map<string, number>();
  const clusterIdByIdentity = new Map<string, number>();
  const hashByRelativePath = new Map<string, string>();
  const knownHashes = new Set<string>();
  const centers = new Map<string, number[]>();
  const center = (identity: string) => {
    let value = centers.get(identity);
    if (!value) {
      value = Array.from({ length: 128 }, () => random() - 0.5);
      centers.set(identity, value);
    }
    return value;
  };

  db.transaction((tx) => {
    const rootId = tx.insert(roots).values({ path: facesDir }).returning({ id: roots.id }).get().id;
    const runId = tx
      .insert(runs)
      .values({
        startedAt: '2026-11-01T02:00:00Z',
        finishedAt: '2026-11-01T02:03:00Z',
        status: 'completed',
        report: { photos: manifest.length, failed: [] },
      })
      .returning({ id: runs.id })
      .get().id;
    const seenByIdentity = new Map<string, number>();
    const countByIdentity = new Map<string, number>();
    for (const row of manifest)
      countByIdentity.set(row.identity ?? '-', (countByIdentity.get(row.identity ?? '-') ?? 0) + 1);

    manifest.forEach((row, index) => {
      const relative = row.path as string;
      const path = join(facesDir, relative);
      const bytes = readFileSync(path);
      const hash = createHash('sha256').update(bytes).digest('hex');
      const isNew = !knownHashes.has(hash);
      knownHashes.add(hash);
      hashByRelativePath.set(relative, hash);
      if (isNew) {
        tx.insert(contents).values({ hash, size: bytes.length, kind: 'image', firstSeenRun: runId }).run();
        tx.insert(photos)
          .values({
            hash,
            width: 1000,
            height: 800,
            takenAt: takenAt(index),
            starred: index % 11 === 3,
            facesPipeline: 'fixture',
          })
          .run();
      }
      tx.insert(files)
        .values({
          rootId,
          path,
          contentHash: hash,
          size: bytes.length,
          mtimeMs: 0,
          inode: index + 1,
          firstSeenRun: runId,
          lastSeenRun: runId,
        })
        .run();
      if (!isNew) return;
      const identity = row.identity ?? '-';
      if (identity === '-') return;
      const seen = seenByIdentity.get(identity) ?? 0;
      seenByIdentity.set(identity, seen + 1);
      const total = countByIdentity.get(identity) ?? 1;
      let personId: number | null = null;
      if (!UNNAMED_IDENTITIES.has(identity)) {
        personId = personIdByName.get(identity) ?? null;
        if (personId === null) {
          const name = identity === NAMELESS_PERSON ? null : identity;
          personId = tx.insert(people).values({ name }).returning({ id: people.id }).get().id;
          personIdByName.set(identity, personId);
        }
      }
      let clusterId = clusterIdByIdentity.get(identity);
      if (clusterId === undefined) {
        clusterId = tx.insert(clusters).values({}).returning({ id: clusters.id }).get().id;
        clusterIdByIdentity.set(identity, clusterId);
      }
      const share = seen / total;
      const state =
        personId === null
          ? 'unassigned'
          : share < 0.6
            ? 'confirmed'
            : share < 0.8
              ? 'suggested'
              : 'unassigned';
      tx.insert(faces)
        .values({
          photoHash: hash,
          x: 0.3,
          y: 0.2,
          w: 0.4,
          h: 0.5,
          score: 0.9,
          descriptor: descriptorNear(center(identity), random),
          source: 'detected',
          personId: state === 'unassigned' ? null : personId,
          state,
          clusterId: state === 'confirmed' ? null : clusterId,
          suggestionDistance: state === 'suggested' ? 0.3 + seen / 100 : null,
        })
        .run();
    });

    for (const group of groups) {
      const hash = hashByRelativePath.get(group.path as string);
      if (!hash) continue;
      const present = (group.people_present_unordered ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      const count = Math.max(Number(group.faces_visible) || 0, present.length);
      for (let i = 0; i < count; i++) {
        const name = present[i];
        const personId = name ? (personIdByName.get(name) ?? null) : null;
        tx.insert(faces)
          .values({
            photoHash: hash,
            x: (i + 0.1) / (count + 0.2),
            y: 0.3,
            w: 0.8 / (count + 0.2),
            h: 0.3,
            score: 0.8,
            descriptor: descriptorNear(center(name ?? `${group.path}#${i}`), random),
            source: 'detected',
            personId,
            state: personId === null ? 'unassigned' : 'confirmed',
          })
          .run();
      }
    }

    const albumId = tx
      .insert(albums)
      .values({ name: 'Summer 2009', source: 'picasa', externalKey: 'abc123' })
      .returning({ id: albums.id })
      .get().id;
    [...new Set(hashByRelativePath.values())].slice(0, 6).forEach((photoHash, position) => {
      tx.insert(albumPhotos).values({ albumId, photoHash, position }).run();
    });
    // One content stored twice: a duplicate file in another folder.
    const [firstPath, firstHash] = [...hashByRelativePath.entries()][0] as [string, string];
    tx.insert(files)
      .values({
        rootId,
        path: join(dirname(join(facesDir, firstPath)), 'copies', 'copy.jpg'),
        contentHash: firstHash,
        size: 1,
        mtimeMs: 0,
        inode: 100_000,
        firstSeenRun: runId,
        lastSeenRun: runId,
      })
      .run();
  });

  return {
    db,
    dbPath,
    facesDir,
    personIdByName,
    clusterIdByIdentity,
    hashByRelativePath,
    cleanup: () => {
      db.$client.close();
      temp.cleanup();
    },
  };
}

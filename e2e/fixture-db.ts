/**
 * Builds the e2e database from the Picasa test library (../shared/picasa/library, photos from ../shared/faces)
 * by inserting realistic rows through @kindred/db. The one place to swap for a real `kindred index` run later.
 *
 * What it models, from library-truth.tsv/.json:
 * - people tagged in Picasa: a named person; tagged faces confirmed, other faces of that person suggested;
 * - identities never tagged: one unnamed cluster each ("Who is this?"), faces unassigned;
 * - unknown faces ('-'): unassigned, no cluster; Picasa albums, stars, the duplicate file, one index run report.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  albumPhotos,
  albums,
  clusters,
  contents,
  faces,
  files,
  openDatabase,
  people,
  photos,
  roots,
  runs,
} from '@kindred/db';
import { eq } from 'drizzle-orm';

interface TruthImage {
  rel_path: string;
  width: number;
  height: number;
  format: string;
}
interface Truth {
  images: TruthImage[];
  albums: { token: string; name: string; members: string[] }[];
  stars: string[];
  bad_files: { rel_path: string }[];
}

const CAMERAS = [
  ['Canon', 'PowerShot A70'],
  ['NIKON', 'COOLPIX P5000'],
  ['Panasonic', 'DMC-FZ8'],
  ['SONY', 'DSC-W55'],
  ['Apple', 'iPhone 4'],
] as const;

/** A plausible capture time from the folder's date (or year), spread over the day by position. */
function takenAt(relPath: string, index: number): string {
  const folderDate = /(\d{4}-\d{2}-\d{2})/.exec(relPath)?.[1];
  const year = /^(\d{4})\//.exec(relPath)?.[1];
  const day = folderDate ?? (year ? `${year}-07-${String(1 + (index % 27)).padStart(2, '0')}` : '2012-03-14');
  const minutes = 9 * 60 + index * 7;
  return `${day}T${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
}

export function buildFixtureDb(
  dbPath: string,
  sharedDir = resolve(import.meta.dirname, '..', '..', 'shared'),
) {
  const library = join(sharedDir, 'picasa', 'library');
  const truth = JSON.parse(readFileSync(join(sharedDir, 'picasa', 'library-truth.json'), 'utf8')) as Truth;
  const rows = readFileSync(join(sharedDir, 'picasa', 'library-truth.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));

  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const db = openDatabase(dbPath);
  const bad = new Set(truth.bad_files.map((file) => file.rel_path));
  const stars = new Set(truth.stars);
  const hashOf = new Map<string, string>();

  db.transaction((tx) => {
    const now = new Date().toISOString();
    const run = tx.insert(runs).values({ startedAt: now, status: 'running' }).returning().get();
    const root = tx.insert(roots).values({ path: library }).returning().get();
    truth.images.forEach((image, index) => {
      if (bad.has(image.rel_path)) return;
      const path = join(library, image.rel_path);
      const data = readFileSync(path);
      const hash = createHash('sha256').update(data).digest('hex');
      const stat = statSync(path);
      const fileRow = { rootId: root.id, path, contentHash: hash, size: data.length, mtimeMs: stat.mtimeMs };
      const known = hashOf.has(image.rel_path) || [...hashOf.values()].includes(hash);
      hashOf.set(image.rel_path, hash);
      if (!known)
        tx.insert(contents).values({ hash, size: data.length, kind: 'image', firstSeenRun: run.id }).run();
      tx.insert(files)
        .values({ ...fileRow, inode: stat.ino, firstSeenRun: run.id, lastSeenRun: run.id })
        .run();
      if (known) return;
      const camera = CAMERAS[index % CAMERAS.length] ?? CAMERAS[0];
      tx.insert(photos)
        .values({
          hash,
          width: image.width,
          height: image.height,
          orientation: 1,
          takenAt: takenAt(image.rel_path, index),
          cameraMake: camera[0],
          cameraModel: camera[1],
          gpsLat: index % 3 === 0 ? 48.85 + (index % 10) / 100 : null,
          gpsLon: index % 3 === 0 ? 2.35 + (index % 7) / 100 : null,
          starred: stars.has(image.rel_path),
          facesPipeline: 'fixture',
        })
        .run();
    });

    const personIds = new Map<string, number>();
    const clusterIds = new Map<string, number>();
    const tagged = new Set(rows.filter((r) => r[2] === '1').map((r) => r[1]));
    let newPeople = 0;
    let unknownFaces = 0;
    for (const [relPath, identity, isTagged, x, y, w, h, contactId, , , , , , score, , , dist] of rows) {
      const hash = hashOf.get(relPath ?? '');
      if (!hash || !identity || !x) continue;
      const box = { x: Number(x), y: Number(y), w: Number(w), h: Number(h) };
      const base = { photoHash: hash, ...box, score: Number(score) || null, pipeline: 'fixture' };
      if (identity !== '-' && tagged.has(identity)) {
        let personId = personIds.get(identity);
        if (!personId) {
          personId = tx
            .insert(people)
            .values({ name: identity, picasaContactId: contactId || null })
            .returning()
            .get().id;
          personIds.set(identity, personId);
        }
        const confirmed = isTagged === '1';
        tx.insert(faces)
          .values({
            ...base,
            source: confirmed ? 'picasa' : 'detected',
            personId,
            state: confirmed ? 'confirmed' : 'suggested',
            suggestionDistance: confirmed ? null : Number(dist) || 0.5,
            picasaContactId: confirmed ? contactId || null : null,
          })
          .run();
      } else if (identity !== '-') {
        let clusterId = clusterIds.get(identity);
        if (!clusterId) {
          clusterId = tx.insert(clusters).values({}).returning().get().id;
          clusterIds.set(identity, clusterId);
          newPeople += 1;
        }
        tx.insert(faces)
          .values({ ...base, source: 'detected', clusterId })
          .run();
      } else {
        unknownFaces += 1;
        tx.insert(faces)
          .values({ ...base, source: 'detected' })
          .run();
      }
    }

    for (const album of truth.albums) {
      const row = tx
        .insert(albums)
        .values({ name: album.name, source: 'picasa', externalKey: album.token })
        .returning()
        .get();
      album.members.forEach((member, position) => {
        const hash = hashOf.get(member);
        if (hash)
          tx.insert(albumPhotos)
            .values({ albumId: row.id, photoHash: hash, position })
            .onConflictDoNothing()
            .run();
      });
    }

    const report = {
      photos: hashOf.size,
      newClusters: newPeople,
      unknownFaces,
      errors: [...bad].map((p) => ({ path: p, error: 'truncated JPEG' })),
    };
    tx.update(runs)
      .set({ status: 'completed', finishedAt: new Date().toISOString(), report })
      .where(eq(runs.id, run.id))
      .run();
  });
  db.$client.close();
  return { photos: hashOf.size };
}

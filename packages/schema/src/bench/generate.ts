import { createHash } from 'node:crypto';
import { openDatabase } from '@kindred/db';

export interface BenchLibrary {
  photos: number;
  faces: number;
  people: number;
  clusters: number;
}

/** Small deterministic PRNG so every bench DB is the same. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes a synthetic library into a fresh Kindred DB at `path`: `photos` photos in year/month folders,
 * `faces` faces (half confirmed to people with a skewed, family-like distribution, a fifth suggested,
 * the rest unassigned in clusters), 128-D descriptors, a few albums and one index run.
 */
export function generateLibrary(path: string, size: BenchLibrary): BenchLibrary {
  const db = openDatabase(path);
  const sqlite = db.$client;
  const random = seeded(42);
  const descriptors = Array.from({ length: 64 }, () =>
    Buffer.from(new Float32Array(128).map(() => random() - 0.5).buffer),
  );
  sqlite.pragma('synchronous = OFF');
  const insert = {
    root: sqlite.prepare(`insert into roots (path) values ('/photos')`),
    content: sqlite.prepare(`insert into contents (hash, size, kind) values (?, ?, 'image')`),
    file: sqlite.prepare(
      `insert into files (root_id, path, content_hash, size, mtime_ms, inode, first_seen_run, last_seen_run) values (1, ?, ?, ?, 0, ?, 1, 1)`,
    ),
    photo: sqlite.prepare(
      `insert into photos (hash, width, height, taken_at, starred, faces_pipeline) values (?, 4000, 3000, ?, ?, 'bench')`,
    ),
    person: sqlite.prepare(`insert into people (name) values (?)`),
    cluster: sqlite.prepare(`insert into clusters (size) values (0)`),
    face: sqlite.prepare(`insert into faces (photo_hash, x, y, w, h, score, descriptor, source, person_id, state, cluster_id, suggestion_distance)
      values (?, ?, 0.3, 0.1, 0.15, 0.9, ?, 'detected', ?, ?, ?, ?)`),
    album: sqlite.prepare(`insert into albums (name, source) values (?, 'user')`),
    albumPhoto: sqlite.prepare(`insert into album_photos (album_id, photo_hash, position) values (?, ?, ?)`),
    run: sqlite.prepare(
      `insert into runs (started_at, finished_at, status, report) values ('2026-11-01T02:00:00Z', '2026-11-01T04:00:00Z', 'completed', ?)`,
    ),
  };
  sqlite.transaction(() => {
    insert.root.run();
    insert.run.run(JSON.stringify({ photos: size.photos, faces: size.faces }));
    for (let p = 0; p < size.people; p++) insert.person.run(p % 4 === 3 ? null : `Person ${p + 1}`);
    for (let c = 0; c < size.clusters; c++) insert.cluster.run();
    for (let a = 0; a < 50; a++) insert.album.run(`Album ${a + 1}`);
    const facesPerPhoto = size.faces / size.photos;
    let facesLeft = size.faces;
    for (let i = 0; i < size.photos; i++) {
      const hash = createHash('sha256').update(`photo ${i}`).digest('hex');
      const year = 2000 + Math.floor((i / size.photos) * 26);
      const month = String(1 + (i % 12)).padStart(2, '0');
      insert.content.run(hash, 3_000_000);
      insert.file.run(
        `/photos/${year}/${month}/IMG_${String(i).padStart(6, '0')}.jpg`,
        hash,
        3_000_000,
        i + 1,
      );
      const taken =
        i % 50 === 7 ? null : `${year}-${month}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`;
      insert.photo.run(hash, taken, i % 40 === 0 ? 1 : 0);
      if (i % 20 === 0) insert.albumPhoto.run(1 + (i % 50), hash, i);
      const remainingPhotos = size.photos - i;
      const count = Math.min(facesLeft, Math.max(0, Math.round(facesPerPhoto * 2 * random())), 8);
      const thisPhoto = remainingPhotos === 1 ? facesLeft : count;
      const used = new Set<number>();
      for (let f = 0; f < thisPhoto; f++) {
        const roll = random();
        // Skewed: a few people (the family) hold most confirmed faces.
        let personId: number | null = 1 + Math.floor(size.people * random() ** 3);
        let state = roll < 0.5 ? 'confirmed' : roll < 0.7 ? 'suggested' : 'unassigned';
        if (used.has(personId)) state = 'unassigned';
        if (state === 'unassigned') personId = null;
        else used.add(personId as number);
        const clusterId = state === 'unassigned' ? 1 + Math.floor(size.clusters * random() ** 2) : null;
        insert.face.run(
          hash,
          f / 9,
          descriptors[f % 64],
          personId,
          state,
          clusterId,
          state === 'suggested' ? 0.3 + random() * 0.3 : null,
        );
      }
      facesLeft -= thisPhoto;
    }
  })();
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('analyze');
  const counts = sqlite
    .prepare(`select (select count(*) from photos) as photos, (select count(*) from faces) as faces,
    (select count(*) from people) as people, (select count(*) from clusters) as clusters`)
    .get() as BenchLibrary;
  sqlite.close();
  return counts;
}

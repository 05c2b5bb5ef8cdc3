/**
 * Adds one person confirmed in `count` distinct photos to a fixture DB, for the gallery benchmark.
 * Each photo is a real, distinct JPEG: a library photo re-encoded with a small brightness change, so the
 * thumbnail route does real work and every hash is different.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contents, faces, files, openDatabase, people, photos, roots } from '@kindred/db';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';

export async function addBulkPerson(
  dbPath: string,
  photoDir: string,
  count: number,
  name = 'Anna Lindqvist',
) {
  const db = openDatabase(dbPath);
  const sources = db.all<{ path: string; x: number; y: number; w: number; h: number }>(
    sql`select fi.path, f.x, f.y, f.w, f.h from faces f join files fi on fi.content_hash = f.photo_hash
        where fi.status = 'present' and f.w > 0.1 group by f.photo_hash order by f.photo_hash limit 60`,
  );
  mkdirSync(photoDir, { recursive: true });
  const made: {
    path: string;
    hash: string;
    size: number;
    width: number;
    height: number;
    box: (typeof sources)[number];
  }[] = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    if (!source) throw new Error('the fixture has no faces to copy');
    const path = join(photoDir, `bulk_${String(i).padStart(5, '0')}.jpg`);
    const image = sharp(readFileSync(source.path)).resize({
      width: 1024,
      height: 1024,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const { data, info } = await image
      .modulate({ brightness: 0.9 + (i % 97) / 485 })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    writeFileSync(path, data);
    made.push({
      path,
      hash: createHash('sha256').update(data).digest('hex'),
      size: data.length,
      width: info.width,
      height: info.height,
      box: source,
    });
  }
  db.transaction((tx) => {
    const root = tx.insert(roots).values({ path: photoDir }).returning().get();
    const person = tx.insert(people).values({ name }).returning().get();
    made.forEach((photo, i) => {
      const takenAt = new Date(Date.UTC(1995, 0, 1) + i * 5.3 * 86_400_000).toISOString().slice(0, 19);
      tx.insert(contents)
        .values({ hash: photo.hash, size: photo.size, kind: 'image' })
        .onConflictDoNothing()
        .run();
      const stat = statSync(photo.path);
      tx.insert(files)
        .values({
          rootId: root.id,
          path: photo.path,
          contentHash: photo.hash,
          size: photo.size,
          mtimeMs: stat.mtimeMs,
          inode: stat.ino,
          firstSeenRun: 1,
          lastSeenRun: 1,
        })
        .run();
      tx.insert(photos)
        .values({
          hash: photo.hash,
          width: photo.width,
          height: photo.height,
          takenAt,
          facesPipeline: 'bench',
        })
        .onConflictDoNothing()
        .run();
      const { x, y, w, h } = photo.box;
      tx.insert(faces)
        .values({
          photoHash: photo.hash,
          x,
          y,
          w,
          h,
          source: 'detected',
          personId: person.id,
          state: 'confirmed',
        })
        .run();
    });
  });
  const person = db.select().from(people).where(sql`name = ${name}`).get();
  db.$client.close();
  return { personId: person?.id ?? 0, photos: made.length };
}

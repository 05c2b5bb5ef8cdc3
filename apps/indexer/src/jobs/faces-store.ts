import { faces, type KindredDb, photos, vectorToBlob } from '@kindred/db';
import type { Box, DescribedFace, DetectedFace } from '@kindred/vision';
import { eq } from 'drizzle-orm';
import { matchKeptFaces } from './face-matching.js';
import type { PhotoMetadata } from './photo-metadata.js';

type FaceRow = typeof faces.$inferSelect;
type Tx = Parameters<Parameters<KindredDb['transaction']>[0]>[0];

export interface StoredCounts {
  added: number;
  matchedTags: number;
  describedFromBox: number;
}

/** What the vision pool returned for one photo. */
export interface AnalyzedPhoto {
  width: number;
  height: number;
  orientation: number;
  faces: Array<DetectedFace & DescribedFace>;
  known: DescribedFace[];
}

/** A detection to match kept faces against: fresh from the pool, or a stored row of this pipeline. */
interface Detection {
  box: Box;
  score: number;
  fresh?: DetectedFace & DescribedFace;
  row?: FaceRow;
}

/**
 * Faces of a photo that must survive a recompute: everything a person said (confirmed, named, edited)
 * and every face that came from outside the detector (Picasa, XMP, drawn by hand).
 */
export function isKept(face: FaceRow): boolean {
  return face.source !== 'detected' || face.state !== 'unassigned' || face.editedByUser;
}

/** Kept faces that need (re)description: no descriptor, or described by another pipeline. */
function keptNeedingDescription(rows: FaceRow[], pipeline: string): FaceRow[] {
  return rows.filter((f) => isKept(f) && (f.descriptor === null || f.pipeline !== pipeline));
}

const boxOf = (f: FaceRow): Box => ({ x: f.x, y: f.y, w: f.w, h: f.h });
const facesOf = (tx: Tx | KindredDb, hash: string) =>
  tx.select().from(faces).where(eq(faces.photoHash, hash)).orderBy(faces.id).all();

/** The boxes to send to the pool as `knownBoxes` for a photo. */
export function knownBoxesFor(db: KindredDb, hash: string, pipeline: string): Box[] {
  return keptNeedingDescription(facesOf(db, hash), pipeline).map(boxOf);
}

function sameBox(a: Box, b: Box): boolean {
  const eps = 1e-6;
  return (
    Math.abs(a.x - b.x) < eps &&
    Math.abs(a.y - b.y) < eps &&
    Math.abs(a.w - b.w) < eps &&
    Math.abs(a.h - b.h) < eps
  );
}

function described(face: DescribedFace) {
  return {
    descriptor: vectorToBlob(face.descriptor),
    landmarks: vectorToBlob(face.landmarks.flatMap((p) => [p.x, p.y])),
  };
}

/**
 * Gives kept faces a description: one matched to a detection takes its descriptor and landmarks (a face
 * an earlier pipeline detected also takes the new box); one matched to nothing takes the description of
 * its own box from `known`, or stays undescribed when `known` lacks it. A matched stored detection is
 * absorbed into the kept face. Returns counts and the fresh detections no kept face took.
 */
function attachKeptFaces(
  tx: Tx,
  rows: FaceRow[],
  pipeline: string,
  detections: Detection[],
  known: DescribedFace[],
): { counts: StoredCounts; unmatched: Detection[]; undescribed: number } {
  const toDescribe = keptNeedingDescription(rows, pipeline);
  const pairs = matchKeptFaces(
    toDescribe.map((f) => ({ box: boxOf(f), source: f.source })),
    detections.map((d) => d.box),
  );
  const counts: StoredCounts = { added: 0, matchedTags: 0, describedFromBox: 0 };
  const consumed = new Set<number>();
  let undescribed = 0;
  toDescribe.forEach((kept, i) => {
    const j = pairs.get(i);
    const detection = j === undefined ? undefined : detections[j];
    if (j !== undefined && detection) {
      consumed.add(j);
      const description = detection.fresh
        ? described(detection.fresh)
        : { descriptor: detection.row?.descriptor ?? null, landmarks: detection.row?.landmarks ?? null };
      const box = kept.source === 'detected' ? detection.box : boxOf(kept);
      tx.update(faces)
        .set({ ...description, ...box, score: detection.score, pipeline })
        .where(eq(faces.id, kept.id))
        .run();
      if (detection.row) tx.delete(faces).where(eq(faces.id, detection.row.id)).run();
      if (kept.source !== 'detected') counts.matchedTags++;
      return;
    }
    const own = known.find((k) => sameBox(k.box, boxOf(kept)));
    if (!own) {
      undescribed++;
      return;
    }
    tx.update(faces)
      .set({ ...described(own), pipeline })
      .where(eq(faces.id, kept.id))
      .run();
    if (kept.source !== 'detected') counts.describedFromBox++;
  });
  return { counts, unmatched: detections.filter((_, j) => !consumed.has(j)), undescribed };
}

/** Stored detections of this pipeline that no person touched: what a tag can be matched to. */
function storedDetections(rows: FaceRow[], pipeline: string): Detection[] {
  return rows
    .filter((f) => !isKept(f) && f.pipeline === pipeline && f.descriptor !== null)
    .map((row) => ({ box: boxOf(row), score: row.score ?? 0, row }));
}

/**
 * For a photo already at `pipeline`: matches its undescribed tags (e.g. Picasa faces imported after
 * detection) to its stored detections, without the vision pool. Returns the counts when nothing is left
 * to describe, null when the photo must go through the pool.
 */
export function describeFromStoredDetections(
  db: KindredDb,
  hash: string,
  pipeline: string,
): StoredCounts | null {
  return db.transaction((tx) => {
    const photo = tx
      .select({ pipeline: photos.facesPipeline })
      .from(photos)
      .where(eq(photos.hash, hash))
      .get();
    if (photo?.pipeline !== pipeline) return null;
    const rows = facesOf(tx, hash);
    const { counts, undescribed } = attachKeptFaces(tx, rows, pipeline, storedDetections(rows, pipeline), []);
    return undescribed === 0 ? counts : null;
  });
}

/**
 * Stores one analyzed photo in a single transaction: photo facts (upright size, EXIF) and the pipeline
 * version; kept faces described (see attachKeptFaces) — nothing a person said is lost. When the photo
 * was already at this pipeline its stored detections stand (ids stay stable); otherwise stale detections
 * no person touched are replaced by the fresh ones.
 */
export function storeAnalyzedPhoto(
  db: KindredDb,
  hash: string,
  pipeline: string,
  result: AnalyzedPhoto,
  metadata: PhotoMetadata,
): StoredCounts {
  return db.transaction((tx) => {
    const previous = tx.select().from(photos).where(eq(photos.hash, hash)).get();
    const facts = {
      ...metadata,
      width: result.width,
      height: result.height,
      orientation: result.orientation,
      facesPipeline: pipeline,
      facesError: null,
      facesErrorPipeline: null,
    };
    if (previous) tx.update(photos).set(facts).where(eq(photos.hash, hash)).run();
    else
      tx.insert(photos)
        .values({ hash, ...facts })
        .run();

    const rows = facesOf(tx, hash);
    const samePipeline = previous?.facesPipeline === pipeline;
    if (!samePipeline) for (const f of rows) if (!isKept(f)) tx.delete(faces).where(eq(faces.id, f.id)).run();
    const detections: Detection[] = samePipeline
      ? storedDetections(rows, pipeline)
      : result.faces.map((face) => ({ box: face.box, score: face.score, fresh: face }));
    const { counts, unmatched } = attachKeptFaces(tx, rows, pipeline, detections, result.known);
    for (const d of unmatched) {
      if (!d.fresh) continue;
      tx.insert(faces)
        .values({
          photoHash: hash,
          ...d.box,
          score: d.score,
          ...described(d.fresh),
          source: 'detected',
          pipeline,
        })
        .run();
      counts.added++;
    }
    return counts;
  });
}

/** Records a photo the pipeline could not process; it is retried only under another pipeline. */
export function storeFailedPhoto(db: KindredDb, hash: string, pipeline: string, error: string): void {
  db.insert(photos)
    .values({ hash, facesError: error, facesErrorPipeline: pipeline })
    .onConflictDoUpdate({ target: photos.hash, set: { facesError: error, facesErrorPipeline: pipeline } })
    .run();
}

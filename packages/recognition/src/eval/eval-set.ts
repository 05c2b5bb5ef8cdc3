import { join } from 'node:path';
import type { Matrix } from '../matrix.js';
import { seededRandom } from '../synthetic.js';
import type { SeededLibrary, TruthFace } from './datasets.js';
import type { CachedPhoto } from './descriptor-cache.js';

/** A labelled set of faces: some confirmed (tagged), the rest to recognise. */
export interface EvalSet {
  name: string;
  descriptors: Matrix;
  photo: string[];
  /** True identity; faces nobody labelled get a unique `?n` identity. */
  identity: string[];
  confirmed: boolean[];
}

/** Truth faces with boxes paired with their cached descriptors (in truth order per photo). */
function describedTruth(
  lib: SeededLibrary,
  cache: Map<string, CachedPhoto>,
): { t: TruthFace; d: Float32Array }[] {
  const seen = new Map<string, number>();
  const out: { t: TruthFace; d: Float32Array }[] = [];
  for (const t of lib.truth) {
    if (!t.box) continue;
    const path = join(lib.dir, t.photo);
    const k = seen.get(path) ?? 0;
    seen.set(path, k + 1);
    const d = cache.get(path)?.descriptors[k];
    if (d) out.push({ t, d });
  }
  return out;
}

function pack(
  name: string,
  rows: { photo: string; identity: string; confirmed: boolean; d: Float32Array }[],
): EvalSet {
  const dim = rows[0]?.d.length ?? 128;
  const data = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => {
    data.set(r.d, i * dim);
  });
  return {
    name,
    descriptors: { data, rows: rows.length, dim },
    photo: rows.map((r) => r.photo),
    identity: rows.map((r, i) => r.identity || `?${i}`),
    confirmed: rows.map((r) => r.confirmed),
  };
}

/** Scenario (b): a Picasa-seeded library; faces tagged in Picasa are the confirmed ones. */
export function seededSet(lib: SeededLibrary, cache: Map<string, CachedPhoto>): EvalSet {
  return pack(
    `picasa/${lib.name}`,
    describedTruth(lib, cache).map(({ t, d }) => ({
      photo: t.photo,
      identity: t.identity,
      confirmed: t.tagged,
      d,
    })),
  );
}

/**
 * Scenario (c): the faces/ photos (through library/, whose photos are byte copies of them, one
 * per source photo); ~35% of each person's photos (at least one, for people in ≥ 2 photos) are
 * confirmed, drawn with a fixed seed.
 */
export function simulatedSet(lib: SeededLibrary, cache: Map<string, CachedPhoto>): EvalSet {
  const rows = describedTruth(lib, cache).filter(({ t }) => !t.photo.startsWith('To print/'));
  const photosOf = new Map<string, string[]>();
  for (const { t } of rows) {
    if (!t.identity) continue;
    const list = photosOf.get(t.identity) ?? [];
    if (!list.includes(t.photo)) list.push(t.photo);
    photosOf.set(t.identity, list);
  }
  const random = seededRandom(35);
  const tagged = new Set<string>();
  for (const [identity, photos] of [...photosOf].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (photos.length < 2) continue;
    const shuffled = [...photos].sort().map((p) => ({ p, r: random() }));
    shuffled.sort((a, b) => a.r - b.r);
    const n = Math.max(1, Math.round(0.35 * photos.length));
    for (const { p } of shuffled.slice(0, n)) tagged.add(`${identity}\u0000${p}`);
  }
  return pack(
    'faces/ simulated',
    rows.map(({ t, d }) => ({
      photo: t.source || t.photo,
      identity: t.identity,
      confirmed: tagged.has(`${t.identity}\u0000${t.photo}`),
      d,
    })),
  );
}

/** The descriptor of the labelled face of each faces/ photo (for pairs.tsv), by faces/-relative path. */
export function labelledFaceBySource(
  lib: SeededLibrary,
  cache: Map<string, CachedPhoto>,
): Map<string, Float32Array> {
  const result = new Map<string, Float32Array>();
  for (const { t, d } of describedTruth(lib, cache)) {
    if (t.source && t.identity && !result.has(t.source)) result.set(t.source, d);
  }
  return result;
}

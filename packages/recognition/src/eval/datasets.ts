import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTsv } from '@kindred/testing';
import type { Box, DescribeJob } from './descriptor-cache.js';

/** One truth row of a Picasa-seeded library (library-truth.tsv / lfw-library-truth.tsv). */
export interface TruthFace {
  photo: string;
  identity: string;
  tagged: boolean;
  box: Box | null;
  picasaBox: Box | null;
  role: string;
  /** The source file (in ../faces/ for library/, an LFW path for lfw-library/). */
  source: string;
}

export interface SeededLibrary {
  name: string;
  dir: string;
  truth: TruthFace[];
}

const num = (s: string | undefined) => Number.parseFloat(s ?? '');
const box = (x?: string, y?: string, w?: string, h?: string): Box | null =>
  x ? { x: num(x), y: num(y), w: num(w), h: num(h) } : null;

/** Reads `picasa/<name>/` and its truth TSV. */
export function loadSeededLibrary(shared: string, name: 'library' | 'lfw-library'): SeededLibrary {
  const rows = parseTsv(readFileSync(join(shared, 'picasa', `${name}-truth.tsv`), 'utf8'));
  const truth = rows.map((r) => ({
    photo: r.rel_path as string,
    identity: r.identity === '-' ? '' : (r.identity as string),
    tagged: r.tagged_in_picasa === '1',
    box: box(r.box_x, r.box_y, r.box_w, r.box_h),
    picasaBox: box(r.picasa_x, r.picasa_y, r.picasa_w, r.picasa_h),
    role: r.role ?? '',
    source: r.source_path ?? '',
  }));
  return { name, dir: join(shared, 'picasa', name), truth };
}

/** One describe job per photo of a seeded library: its truth (detector) boxes, in truth order. */
export function libraryJobs(lib: SeededLibrary): DescribeJob[] {
  const byPhoto = new Map<string, Box[]>();
  for (const t of lib.truth) {
    if (!t.box) continue;
    const boxes = byPhoto.get(t.photo) ?? [];
    boxes.push(t.box);
    byPhoto.set(t.photo, boxes);
  }
  return [...byPhoto].map(([photo, boxes]) => ({ path: join(lib.dir, photo), boxes }));
}

/** Verification pairs of faces/pairs.tsv (paths relative to faces/). */
export function loadPairs(shared: string): { a: string; b: string; same: boolean }[] {
  return parseTsv(readFileSync(join(shared, 'faces', 'pairs.tsv'), 'utf8')).map((r) => ({
    a: r.pathA as string,
    b: r.pathB as string,
    same: r.same_person === '1',
  }));
}

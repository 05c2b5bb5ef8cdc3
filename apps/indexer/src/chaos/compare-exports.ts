import type { ExportedFace, ExportedPhoto } from '../jobs/export.js';

/** The parts of `kindred export` a fault must not change: files, faces, people, confirmed labels, albums. */
export interface ExportDoc {
  photos: ExportedPhoto[];
  people: { id: string; name: string | null; faces: number; hidden: boolean }[];
  albums: { id: string; name: string; source: string; photos: string[] }[];
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 1e4) / 1e4);

/** A face without ids: box and score rounded, the person only when a person confirmed it. */
function faceKey(face: ExportedFace): string {
  const { x, y, w, h } = face.box;
  const label = face.state === 'confirmed' ? `confirmed:${face.person}` : 'machine';
  return JSON.stringify([[x, y, w, h].map(round), round(face.score), face.source, label]);
}

/** Id-free, order-free view of an export (run ids, face ids, group ids and timestamps are left out). */
export function normalizeExport(doc: ExportDoc) {
  const photos = new Map(
    doc.photos.map((p) => [
      p.hash,
      JSON.stringify({
        paths: [...p.paths].sort(),
        size: [p.width, p.height],
        takenAt: p.takenAt,
        faces: p.faces.map(faceKey).sort(),
      }),
    ]),
  );
  const people = doc.people.map((p) => JSON.stringify([p.name, p.faces, p.hidden])).sort();
  const albums = doc.albums.map((a) => JSON.stringify([a.name, a.source, [...a.photos].sort()])).sort();
  return { photos, people, albums };
}

/** Differences between two exports, for people to read; empty when they hold the same library. */
export function diffExports(expected: ExportDoc, actual: ExportDoc, limit = 20): string[] {
  const a = normalizeExport(expected);
  const b = normalizeExport(actual);
  const out: string[] = [];
  for (const [hash, value] of a.photos) {
    const other = b.photos.get(hash);
    if (other === undefined) out.push(`photo ${hash.slice(0, 12)} missing`);
    else if (other !== value)
      out.push(`photo ${hash.slice(0, 12)} differs:\n  expected ${value}\n  actual   ${other}`);
  }
  for (const hash of b.photos.keys()) if (!a.photos.has(hash)) out.push(`photo ${hash.slice(0, 12)} extra`);
  const list = (name: string, x: string[], y: string[]) => {
    const missing = x.filter((item) => !y.includes(item));
    const extra = y.filter((item) => !x.includes(item));
    if (missing.length || extra.length)
      out.push(`${name}: missing ${missing.slice(0, 5).join(' ')}; extra ${extra.slice(0, 5).join(' ')}`);
  };
  list('people', a.people, b.people);
  list('albums', a.albums, b.albums);
  return out.slice(0, limit);
}

/** Faces a person confirmed, counted: the labels a fault must never lose. */
export function confirmedLabels(doc: ExportDoc): number {
  return doc.photos.reduce((n, p) => n + p.faces.filter((f) => f.state === 'confirmed').length, 0);
}

import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { KindredDb } from '@kindred/db';
import { embedRegions } from './embed.js';
import { type PhotoToExport, photosToExport } from './export-select.js';
import { uprightToStored } from './grid.js';
import { inheritContent, type RewrittenFile } from './inherit.js';
import { mergeRegions, wrapPacket } from './merge.js';
import { parseXmp } from './rdf.js';
import { embeddedXmp, storedSize } from './read-photo.js';
import { facesOfXmp } from './regions.js';
import type { StoredFace } from './serialize.js';
import { replaceFileAtomically } from './write-file.js';

export interface XmpExportOptions {
  mode: 'sidecar' | 'embed';
  /** Only photos where one of these people is confirmed (each still gets all its named faces). */
  people?: string[];
  /** Also write Microsoft MP regions. */
  mp: boolean;
  dryRun: boolean;
  /** Run row of this export (contents it creates record it). */
  runId: number;
  onFile?: (done: number, total: number) => void;
}

export interface XmpExportFile {
  /** The photo file, and the file written (the photo itself with --embed, else its sidecar). */
  path: string;
  written: string;
  faces: number;
  action: 'written' | 'unchanged' | 'would write';
}

export interface XmpExportReport {
  photos: number;
  files: XmpExportFile[];
  written: number;
  unchanged: number;
  /** Regions in the files written. */
  faces: number;
  errors: { path: string; error: string }[];
}

/** `photo.jpg.xmp` if present, else an unshared `photo.xmp` if present, else a new `photo.jpg.xmp`. */
export function sidecarFor(path: string): string {
  for (const candidate of [`${path}.xmp`, `${path}.XMP`]) if (existsSync(candidate)) return candidate;
  const stem = basename(path, extname(path));
  const dir = dirname(path);
  const names = readdirSync(dir);
  const shared = names.filter((n) => n.startsWith(`${stem}.`) && !/\.xmp$/i.test(n)).length > 1;
  const own = names.find((n) => n.toLowerCase() === `${stem}.xmp`.toLowerCase());
  return own && !shared ? join(dir, own) : `${path}.xmp`;
}

async function writeSidecar(
  path: string,
  photo: PhotoToExport,
  faces: StoredFace[],
  o: XmpExportOptions,
  orientation: number | null,
) {
  const target = sidecarFor(path);
  const existing = existsSync(target) ? await readFile(target, 'utf8') : null;
  const upright = photo.upright;
  const stored =
    (await storedSize(path)) ??
    (upright && orientation !== null && orientation >= 5
      ? { width: upright.height, height: upright.width }
      : upright);
  const text = `${wrapPacket(mergeRegions(existing, { faces, stored, mp: o.mp }), 0)}\n`;
  if (text === existing) return { target, changed: false };
  // What will be on disk reads back as the faces meant.
  const back = facesOfXmp(parseXmp(text)).regions.filter((r) => r.convention === 'mwg');
  if (back.length !== faces.length)
    throw new Error('the sidecar written does not read back as the faces meant');
  if (!o.dryRun) await replaceFileAtomically(target, Buffer.from(text, 'utf8'));
  return { target, changed: true };
}

/**
 * Writes the confirmed, named faces of each selected photo as MWG regions (and MP regions with `mp`) plus
 * Iptc4xmpExt:PersonInImage: into sidecars (default), or into the JPEG itself (`embed`: checked, atomic,
 * and the new content inherits the old one's faces). A photo that fails is reported; the rest go on.
 */
export async function exportXmp(db: KindredDb, options: XmpExportOptions): Promise<XmpExportReport> {
  const selected = photosToExport(db, options.people);
  const report: XmpExportReport = {
    photos: selected.length,
    files: [],
    written: 0,
    unchanged: 0,
    faces: 0,
    errors: [],
  };
  let done = 0;
  for (const photo of selected) {
    const rewritten = new Map<string, RewrittenFile[]>();
    for (const path of photo.paths) {
      try {
        const { orientation } = await embeddedXmp(path);
        const faces = photo.faces.map((f) => ({ box: uprightToStored(f.box, orientation), name: f.name }));
        let written = path;
        let changed: boolean;
        if (options.mode === 'embed') {
          const outcome = await embedRegions(path, { faces, mp: options.mp }, options.dryRun);
          changed = outcome.changed;
          if (changed && !options.dryRun) {
            const hash = createHash('sha256').update(outcome.bytes).digest('hex');
            const s = await stat(path);
            const list = rewritten.get(hash) ?? [];
            list.push({ path, size: s.size, mtimeMs: s.mtimeMs, inode: s.ino });
            rewritten.set(hash, list);
          }
        } else {
          ({ target: written, changed } = await writeSidecar(path, photo, faces, options, orientation));
        }
        const action = !changed ? 'unchanged' : options.dryRun ? 'would write' : 'written';
        report.files.push({ path, written, faces: faces.length, action });
        if (changed) {
          report.written++;
          report.faces += faces.length;
        } else report.unchanged++;
      } catch (error) {
        report.errors.push({ path, error: (error as Error).message });
      }
    }
    for (const [hash, files] of rewritten) inheritContent(db, photo.hash, hash, files, options.runId);
    options.onFile?.(++done, selected.length);
  }
  return report;
}

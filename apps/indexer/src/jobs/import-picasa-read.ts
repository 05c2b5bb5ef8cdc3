import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { contents, files, type KindredDb, photos, picasaIniFiles, picasaIniPhotos } from '@kindred/db';
import { and, eq, gte, lt } from 'drizzle-orm';
import { MAX_WARNINGS_PER_FILE, parsePicasaIni } from '../picasa/ini.js';
import { type PicasaGrid, picasaGridFor } from '../picasa/orientation.js';
import type { PicasaIni, PicasaPhoto } from '../picasa/types.js';

/** Larger `.ini` files are not read (real ones are kilobytes; this bounds memory on junk). */
export const MAX_INI_BYTES = 128 * 1024 * 1024;

export interface FileWarning {
  file: string;
  line: number;
  message: string;
}

/** A photo section and the present image content its file name resolved to. */
export interface ResolvedPhoto {
  photo: PicasaPhoto;
  hash: string;
  /** Where Picasa measured its faces, and the EXIF orientation known for the content (null: not yet). */
  grid: PicasaGrid;
  orientation: number | null;
}

/** One `.ini` read from disk, parsed, with its photo sections resolved against the `files` table. */
export interface ReadIni {
  path: string;
  contentHash: string;
  /** Changes when the bytes change or a named photo now has other content. */
  fingerprint: string;
  ini: PicasaIni;
  resolved: ResolvedPhoto[];
  /** Section names with no present image (for the `picasa_ini_photos` record). */
  unresolved: PicasaPhoto[];
  warnings: FileWarning[];
}

interface FolderFile {
  hash: string;
  kind: string;
  orientation: number | null;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** True for `.picasaoriginals/` — Picasa's backups of edited photos, not library photos. */
export function isPicasaOriginalsIni(path: string): boolean {
  return basename(dirname(path)).toLowerCase() === '.picasaoriginals';
}

/**
 * Reads one `.ini` and, unless it is unchanged since its last import ('unchanged': same bytes, and its
 * photos still resolve to the same contents), parses and resolves it. Returns null (with a warning in
 * `warnings`) when it cannot be read. Its line warnings come back in `ReadIni.warnings`.
 */
export function readPicasaIni(
  db: KindredDb,
  path: string,
  warnings: FileWarning[],
): ReadIni | 'unchanged' | null {
  const bytes = readBytes(path, warnings);
  if (!bytes) return null;
  const contentHash = sha256(bytes);
  const folderFiles = presentFilesIn(db, dirname(path));
  const known = db.select().from(picasaIniFiles).where(eq(picasaIniFiles.path, path)).get();
  if (known?.contentHash === contentHash) {
    const names = db
      .select({ fileName: picasaIniPhotos.fileName })
      .from(picasaIniPhotos)
      .where(eq(picasaIniPhotos.iniPath, path))
      .all();
    if (fingerprintOf(contentHash, names, folderFiles) === known.fingerprint) return 'unchanged';
  }
  const ini = parsePicasaIni(bytes);
  const own: FileWarning[] = ini.warnings.map((w) => ({ file: path, ...w }));
  const resolved: ResolvedPhoto[] = [];
  const unresolved: PicasaPhoto[] = [];
  for (const photo of ini.photos) {
    const file = folderFiles.get(photo.fileName);
    if (file?.kind === 'image') {
      resolved.push({
        photo,
        hash: file.hash,
        grid: picasaGridFor(photo.fileName),
        orientation: file.orientation,
      });
      continue;
    }
    unresolved.push(photo);
    const why = file ? 'is not an image' : 'is not present';
    own.push({
      file: path,
      line: photo.line,
      message: `[${photo.fileName}] names a file that ${why}; skipped`,
    });
  }
  const fingerprint = fingerprintOf(contentHash, ini.photos, folderFiles);
  return {
    path,
    contentHash,
    fingerprint,
    ini,
    resolved,
    unresolved,
    warnings: capWarnings(path, own, ini.warningsNotListed),
  };
}

function readBytes(path: string, warnings: FileWarning[]): Buffer | null {
  try {
    const size = statSync(path).size;
    if (size <= MAX_INI_BYTES) return readFileSync(path);
    warnings.push({
      file: path,
      line: 0,
      message: `file is ${size} bytes, over the ${MAX_INI_BYTES}-byte limit; not read`,
    });
  } catch (error) {
    warnings.push({ file: path, line: 0, message: `cannot read: ${(error as Error).message}` });
  }
  return null;
}

/**
 * SHA-256 over the bytes' hash and what each section resolves to. A RAW photo's box depends on its
 * orientation, which the faces step may learn after an import, so that is part of it too: the file
 * is imported again once the orientation is known.
 */
function fingerprintOf(
  contentHash: string,
  sections: { fileName: string }[],
  folderFiles: Map<string, FolderFile>,
) {
  const mapping: string[] = [];
  for (const { fileName } of sections) {
    const file = folderFiles.get(fileName);
    if (file?.kind !== 'image') continue;
    const orientation = picasaGridFor(fileName) === 'stored' ? String(file.orientation) : '';
    mapping.push([fileName, file.hash, orientation].join('\u0000'));
  }
  return sha256([contentHash, ...mapping.sort()].join('\n'));
}

/** Present files directly in `folder` (one index range scan), by file name. */
function presentFilesIn(db: KindredDb, folder: string): Map<string, FolderFile> {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  // Every path starting with "<folder>/" sorts between that prefix and the prefix with "/" → "0".
  const upper = `${prefix.slice(0, -1)}0`;
  const rows = db
    .select({
      path: files.path,
      hash: files.contentHash,
      kind: contents.kind,
      orientation: photos.orientation,
    })
    .from(files)
    .innerJoin(contents, eq(contents.hash, files.contentHash))
    .leftJoin(photos, eq(photos.hash, files.contentHash))
    .where(and(gte(files.path, prefix), lt(files.path, upper), eq(files.status, 'present')))
    .all();
  const byName = new Map<string, FolderFile>();
  for (const row of rows) {
    const name = row.path.slice(prefix.length);
    if (row.hash && !name.includes('/'))
      byName.set(name, { hash: row.hash, kind: row.kind, orientation: row.orientation });
  }
  return byName;
}

/** Sorts a file's warnings by line and keeps the first `MAX_WARNINGS_PER_FILE` (plus one saying how many more). */
function capWarnings(file: string, warnings: FileWarning[], alreadyLeftOut: number): FileWarning[] {
  const summaries = warnings.filter((w) => w.line === 0);
  const lines = warnings.filter((w) => w.line !== 0).sort((a, b) => a.line - b.line);
  const kept = lines.slice(0, MAX_WARNINGS_PER_FILE);
  const leftOut = lines.length - kept.length + alreadyLeftOut;
  if (leftOut > 0) {
    summaries.push({ file, line: 0, message: `${leftOut} more warnings not listed` });
  }
  return [...kept, ...summaries];
}

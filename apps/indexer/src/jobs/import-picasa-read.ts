import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { contents, files, type KindredDb, photos } from '@kindred/db';
import { and, eq } from 'drizzle-orm';
import { parsePicasaIni } from '../picasa/ini.js';
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

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** True for `.picasaoriginals/` — Picasa's backups of edited photos, not library photos. */
export function isPicasaOriginalsIni(path: string): boolean {
  return basename(dirname(path)).toLowerCase() === '.picasaoriginals';
}

/**
 * Reads, parses and resolves one `.ini`; returns null (with a warning in `warnings`) when it cannot be
 * read. Its own line warnings are returned in `ReadIni.warnings` for the caller to report if it imports it.
 */
export function readPicasaIni(db: KindredDb, path: string, warnings: FileWarning[]): ReadIni | null {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_INI_BYTES) {
      warnings.push({
        file: path,
        line: 0,
        message: `file is ${size} bytes, over the ${MAX_INI_BYTES}-byte limit; not read`,
      });
      return null;
    }
    bytes = readFileSync(path);
  } catch (error) {
    warnings.push({ file: path, line: 0, message: `cannot read: ${(error as Error).message}` });
    return null;
  }
  const ini = parsePicasaIni(bytes);
  const own: FileWarning[] = ini.warnings.map((w) => ({ file: path, ...w }));
  const resolved: ResolvedPhoto[] = [];
  const unresolved: PicasaPhoto[] = [];
  const folder = dirname(path);
  for (const photo of ini.photos) {
    const row = db
      .select({ hash: files.contentHash, kind: contents.kind, orientation: photos.orientation })
      .from(files)
      .innerJoin(contents, eq(contents.hash, files.contentHash))
      .leftJoin(photos, eq(photos.hash, files.contentHash))
      .where(and(eq(files.path, join(folder, photo.fileName)), eq(files.status, 'present')))
      .get();
    if (row?.hash && row.kind === 'image') {
      const grid = picasaGridFor(photo.fileName);
      resolved.push({ photo, hash: row.hash, grid, orientation: row.orientation });
    } else {
      unresolved.push(photo);
      const why = row ? 'is not an image' : 'is not present';
      own.push({
        file: path,
        line: photo.line,
        message: `[${photo.fileName}] names a file that ${why}; skipped`,
      });
    }
  }
  const contentHash = sha256(bytes);
  // A RAW photo's box depends on its orientation, which the faces step may learn after an import:
  // it is part of the fingerprint, so the file is imported again once the orientation is known.
  const mapping = resolved
    .map((r) => [r.photo.fileName, r.hash, r.grid === 'stored' ? r.orientation : ''].join('\u0000'))
    .sort();
  const fingerprint = sha256([contentHash, ...mapping].join('\n'));
  own.sort((a, b) => a.line - b.line);
  return { path, contentHash, fingerprint, ini, resolved, unresolved, warnings: own };
}

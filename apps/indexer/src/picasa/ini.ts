import {
  isPlainFileName,
  parseAlbumsValue,
  parseContactName,
  parseFacesValue,
  parseRotateValue,
  type Warn,
} from './ini-values.js';
import { clip, normalizeContactId } from './rect64.js';
import { forEachPicasaLine } from './text.js';
import type { PicasaAlbum, PicasaFolderInfo, PicasaIni, PicasaPhoto } from './types.js';

/** At most this many warnings are kept per file; the rest are counted in `unparsedLines`. */
export const MAX_WARNINGS_PER_FILE = 1000;
/** Longer lines are not parsed (real Picasa lines are short; this bounds work on garbage). */
export const MAX_LINE_CHARS = 64 * 1024;

type Section =
  | { kind: 'photo'; photo: PicasaPhoto }
  | { kind: 'album'; album: PicasaAlbum }
  | { kind: 'folder' | 'contacts2' | 'ignored' | 'encoding' | 'skipped' };

const ALBUM_PREFIX = '.album:';

/**
 * Parses a `.picasa.ini` / `Picasa.ini` (bytes or text). Never throws: every line that cannot be
 * used becomes a warning with its 1-based line number, and the rest of the file is still read.
 * Sections may come in any order; unknown keys are ignored.
 */
export function parsePicasaIni(input: Uint8Array | string): PicasaIni {
  const result: PicasaIni = {
    photos: [],
    contacts: new Map(),
    albums: [],
    folder: null,
    utf8: false,
    warnings: [],
    warningsNotListed: 0,
    unparsedLines: 0,
  };
  const photosByName = new Map<string, PicasaPhoto>();
  const albumsByToken = new Map<string, PicasaAlbum>();
  let section: Section | null = null;
  let lineNo = 0;
  let lineWarned = false;
  let dropped = 0;
  const warn: Warn = (message) => {
    if (!lineWarned) result.unparsedLines++;
    lineWarned = true;
    if (result.warnings.length < MAX_WARNINGS_PER_FILE) result.warnings.push({ line: lineNo, message });
    else dropped++;
  };

  forEachPicasaLine(input, (rawLine) => {
    lineNo++;
    lineWarned = false;
    if (rawLine.length > MAX_LINE_CHARS) {
      warn(`line is ${rawLine.length} characters long; skipped`);
      return;
    }
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    if (line.startsWith('[')) {
      section = openSection(line, lineNo, warn, result, photosByName, albumsByToken);
      return;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) {
      warn(`"${clip(line)}" is neither a [section] nor key=value`);
      return;
    }
    if (!section) {
      warn(`key "${clip(line.slice(0, eq))}" comes before any [section]`);
      return;
    }
    applyKey(section, line.slice(0, eq).trim(), line.slice(eq + 1).trim(), lineNo, warn, result);
  });
  result.warningsNotListed = dropped;
  return result;
}

function openSection(
  line: string,
  lineNo: number,
  warn: Warn,
  result: PicasaIni,
  photosByName: Map<string, PicasaPhoto>,
  albumsByToken: Map<string, PicasaAlbum>,
): Section {
  if (!line.endsWith(']') || line.length < 3) {
    warn(`section header "${clip(line)}" is malformed; its keys are skipped`);
    return { kind: 'skipped' };
  }
  const name = line.slice(1, -1);
  if (name === 'Picasa') {
    result.folder ??= { name: null, description: null, date: null, category: null, p2category: null };
    return { kind: 'folder' };
  }
  if (name === 'Contacts2') return { kind: 'contacts2' };
  if (name === 'Contacts') return { kind: 'ignored' };
  if (name === 'encoding') return { kind: 'encoding' };
  if (name.startsWith(ALBUM_PREFIX)) {
    const token = name.slice(ALBUM_PREFIX.length).trim().toLowerCase();
    if (!/^[0-9a-z]+$/.test(token)) {
      warn(`album section "${clip(name)}" has no valid token; skipped`);
      return { kind: 'skipped' };
    }
    let album = albumsByToken.get(token);
    if (!album) {
      album = { token, name: null, date: null, line: lineNo };
      albumsByToken.set(token, album);
      result.albums.push(album);
    }
    return { kind: 'album', album };
  }
  if (!isPlainFileName(name) || name.trim() === '') {
    warn(`section "${clip(name)}" is not a file name in this folder; skipped`);
    return { kind: 'skipped' };
  }
  let photo = photosByName.get(name);
  if (!photo) {
    photo = { fileName: name, line: lineNo, faces: [], albums: [], star: false, hidden: false, rotate: null };
    photosByName.set(name, photo);
    result.photos.push(photo);
  }
  return { kind: 'photo', photo };
}

function applyKey(
  section: Section,
  key: string,
  value: string,
  lineNo: number,
  warn: Warn,
  result: PicasaIni,
) {
  switch (section.kind) {
    case 'photo':
      return applyPhotoKey(section.photo, key, value, lineNo, warn);
    case 'album':
      if (key === 'name') section.album.name = value === '' ? null : value;
      else if (key === 'date') section.album.date = value === '' ? null : value;
      return;
    case 'folder':
      if (result.folder) applyFolderKey(result.folder, key, value);
      return;
    case 'contacts2': {
      const id = normalizeContactId(key);
      if (!id) return warn(`contact id "${clip(key)}" is not 1–16 hex digits`);
      const name = parseContactName(value);
      if (name) result.contacts.set(id, name);
      return;
    }
    case 'encoding':
      if (key === 'utf8' && value === '1') result.utf8 = true;
      return;
    default:
      return;
  }
}

function applyPhotoKey(photo: PicasaPhoto, key: string, value: string, lineNo: number, warn: Warn) {
  if (key === 'faces') photo.faces.push(...parseFacesValue(value, lineNo, warn));
  else if (key === 'albums')
    photo.albums.push(...parseAlbumsValue(value, warn).filter((t) => !photo.albums.includes(t)));
  else if (key === 'star') photo.star = value.toLowerCase() === 'yes';
  else if (key === 'hidden') photo.hidden = value.toLowerCase() === 'yes';
  else if (key === 'rotate') photo.rotate = parseRotateValue(value, warn);
}

function applyFolderKey(folder: PicasaFolderInfo, key: string, value: string) {
  const v = value === '' ? null : value;
  if (key === 'name') folder.name = v;
  else if (key === 'description') folder.description = v;
  else if (key === 'date') folder.date = v;
  else if (key === 'category') folder.category = v;
  else if (key === 'P2category') folder.p2category = v;
}

/**
 * What the walk leaves out, by name (see docs/cli.md "What is indexed"):
 * - folders whose name starts with "." (`.picasaoriginals`, `.git`, `.Trash-1000`, `.thumbnails`, …);
 * - system folders: `@eaDir` (Synology), `#recycle`, `#snapshot`, `$RECYCLE.BIN`, `System Volume Information`,
 *   `lost+found`;
 * - files whose name starts with "." (`.DS_Store`, `._IMG_0001.JPG`, …), except `.picasa.ini`, which the
 *   Picasa importer needs.
 * The database file and its `-wal`/`-shm`/`-journal` companions are skipped by path (see `scan.ts`).
 */
const SYSTEM_FOLDERS = new Set([
  '@eadir',
  '#recycle',
  '#snapshot',
  '$recycle.bin',
  'system volume information',
  'lost+found',
]);

export function isExcludedFolder(name: string): boolean {
  return name.startsWith('.') || SYSTEM_FOLDERS.has(name.toLowerCase());
}

export function isExcludedFile(name: string): boolean {
  return name.startsWith('.') && name.toLowerCase() !== '.picasa.ini';
}

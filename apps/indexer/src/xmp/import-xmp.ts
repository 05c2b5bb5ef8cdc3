import type { KindredDb } from '@kindred/db';
import { PicasaPeople } from '../jobs/import-picasa-people.js';
import { type PhotoXmp, readPhotoXmp } from './read-photo.js';
import { forgetGoneSources, recordSource, type XmpWork, xmpWorkList } from './sources.js';
import { syncXmpFaces } from './sync-faces.js';

/** The JSON report's "xmp" section. */
export interface XmpReport {
  /** Image files whose XMP (embedded or sidecar) was read in this run: new or changed. */
  files: number;
  /** Face regions those files hold (after duplicates across sources and conventions are dropped). */
  regions: number;
  facesAdded: number;
  /** Regions that are a face the photo already had (e.g. a Picasa tag, or what `kindred xmp export` wrote). */
  facesLinked: number;
  facesUpdated: number;
  facesRemoved: number;
  /** Regions whose face the family deleted in Kindred: not brought back. */
  facesKeptDeleted: number;
  /** Distinct people named by the regions read. */
  people: number;
  /** Files whose XMP could not be used (malformed, unreadable): listed in the run's errors. */
  failed: number;
  /** Regions that could not be used (file: reason), at most 100. */
  warnings: string[];
}

const MAX_WARNINGS = 100;
const READ_CONCURRENCY = 4;
const STORE_BATCH = 256;

export function emptyXmpReport(): XmpReport {
  return {
    files: 0,
    regions: 0,
    facesAdded: 0,
    facesLinked: 0,
    facesUpdated: 0,
    facesRemoved: 0,
    facesKeptDeleted: 0,
    people: 0,
    failed: 0,
    warnings: [],
  };
}

export interface XmpImportOptions {
  runId: number;
  /** A file whose XMP could not be used (the run goes on; what was stored for it stays). */
  onError: (path: string, message: string) => void;
}

/**
 * Reads the face regions of every present image whose XMP is new or changed (its content, or a sidecar
 * added, edited or removed) and brings them into Kindred (see sync-faces.ts). Files are stored in
 * transactions of up to 256. A file whose XMP cannot be read or parsed keeps what it had and is reported.
 */
export async function importXmp(db: KindredDb, options: XmpImportOptions): Promise<XmpReport> {
  const report = emptyXmpReport();
  forgetGoneSources(db);
  const work = xmpWorkList(db);
  const people = new PicasaPeople(db, new Map(), new Map());
  const personIds = new Set<number>();
  const store = (item: XmpWork, read: PhotoXmp) => {
    {
      const counts = syncXmpFaces(db, item.path, item.hash, read.regions, people);
      recordSource(db, item, options.runId, { regions: read.regions.length, error: null });
      report.files++;
      report.regions += read.regions.length;
      report.facesAdded += counts.added;
      report.facesLinked += counts.linked;
      report.facesUpdated += counts.updated;
      report.facesRemoved += counts.removed;
      report.facesKeptDeleted += counts.keptDeleted;
      for (const id of counts.personIds) personIds.add(id);
    }
    for (const warning of read.warnings)
      if (report.warnings.length < MAX_WARNINGS) report.warnings.push(warning);
  };
  // Files read but not stored yet: stored together, one transaction per batch (most photos have no XMP,
  // and a transaction per photo cost more than reading it).
  let unstored: { item: XmpWork; read: PhotoXmp }[] = [];
  const storeUnstored = () => {
    const batch = unstored;
    unstored = [];
    db.$client.transaction(() => {
      for (const { item, read } of batch) store(item, read);
    })();
  };
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const item = work[next++] as XmpWork;
      let read: PhotoXmp;
      try {
        read = await readPhotoXmp(item.path, item.sidecars);
      } catch (error) {
        const message = `XMP not imported: ${(error as Error).message}`;
        recordSource(db, item, options.runId, { regions: 0, error: message });
        report.failed++;
        options.onError(item.path, message);
        continue;
      }
      unstored.push({ item, read });
      if (unstored.length >= STORE_BATCH) storeUnstored();
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  storeUnstored();
  report.people = personIds.size;
  return report;
}

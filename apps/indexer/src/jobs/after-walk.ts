import { files, type KindredDb } from '@kindred/db';
import { and, eq, sql } from 'drizzle-orm';
import type { StepContext } from './content-steps.js';
import type { FacesRunner } from './faces.js';
import { importPicasa, type PicasaReport } from './import-picasa.js';
import type { RunReport } from './report.js';

/** Every `.picasa.ini` / `Picasa.ini` present under the roots, by path. */
export function presentPicasaIniPaths(db: KindredDb): string[] {
  return db
    .select({ path: files.path })
    .from(files)
    .where(
      and(
        eq(files.status, 'present'),
        sql`(lower(${files.path}) like '%/.picasa.ini' or lower(${files.path}) like '%/picasa.ini')`,
      ),
    )
    .all()
    .map((row) => row.path);
}

export interface AfterWalkOptions {
  context: StepContext;
  report: RunReport;
  /** Absent with `--no-faces`. */
  faces?: FacesRunner;
  contactsXmlPath?: string | null;
  /** Skip recognition (e.g. `--no-faces`, where there are no descriptors to compare). */
  recognize: boolean;
}

/** The JSON report's "picasa" section: the counts, and the lines that could not be parsed. */
export function picasaSection(picasa: PicasaReport) {
  return {
    iniFiles: picasa.iniFiles,
    faces: picasa.faces,
    matchedToDetections: picasa.matchedToDetections,
    describedFromBox: picasa.describedFromBox,
    people: picasa.people,
    albums: picasa.albums,
    unparsedLines: picasa.unparsedLines,
    warnings: picasa.warnings,
  };
}

/**
 * What `kindred index` does once the walk has committed every file: import Picasa's tags, describe what
 * is still undescribed (photos not handed over during the walk, tags just imported), then recognise.
 */
export async function runAfterWalk(options: AfterWalkOptions): Promise<void> {
  const { context, report } = options;
  const { db, runId } = context;
  const picasa = importPicasa(db, {
    runId,
    iniPaths: presentPicasaIniPaths(db),
    contactsXmlPath: options.contactsXmlPath ?? null,
  });
  if (options.faces) {
    const faces = await options.faces.drainBacklog(context);
    picasa.matchedToDetections = faces.tagsMatched;
    picasa.describedFromBox = faces.tagsDescribedFromBox;
    report.section('faces', {
      photosProcessed: faces.photosProcessed,
      facesFound: faces.facesFound,
      failed: faces.failed,
    });
  }
  report.section('picasa', picasaSection(picasa));
  if (options.recognize) {
    const { runRecognition } = await import('./recognize.js');
    report.section('people', runRecognition(db));
  }
}

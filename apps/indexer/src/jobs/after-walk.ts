import { files, type KindredDb, runs } from '@kindred/db';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { emptyXmpReport, importXmp } from '../xmp/import-xmp.js';
import type { StepContext } from './content-steps.js';
import type { FacesRunner } from './faces.js';
import { emptyPicasaReport, importPicasa, type PicasaReport } from './import-picasa.js';
import { learnRawOrientations } from './import-picasa-raw.js';
import type { PicasaContacts } from './picasa-settings.js';
import type { RunReport } from './report.js';

/** Every `.picasa.ini` / `Picasa.ini` present under the roots, by path. */
export function presentPicasaIniPaths(db: KindredDb): string[] {
  return db
    .select({ path: files.path })
    .from(files)
    .where(
      and(
        eq(files.status, 'present'),
        sql`(${files.path} like '%/.picasa.ini' or ${files.path} like '%/picasa.ini')`, // LIKE ignores ASCII case
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
  contacts: PicasaContacts;
  /** Skip recognition (e.g. `--no-faces`, where there are no descriptors to compare). */
  recognize: boolean;
}

function previousRunCompleted(db: KindredDb, runId: number): boolean {
  const previous = db
    .select({ status: runs.status })
    .from(runs)
    .where(and(lt(runs.id, runId), eq(runs.command, 'index')))
    .orderBy(desc(runs.id))
    .limit(1)
    .get();
  return previous?.status === 'completed';
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
    facesKeptDeleted: picasa.facesKeptDeleted,
    warnings: picasa.warnings,
  };
}

/**
 * What `kindred index` does once the walk has committed every file: import Picasa's tags and XMP face
 * regions, describe what is still undescribed (photos not handed over during the walk, tags just
 * imported), then recognise.
 */
export async function runAfterWalk(options: AfterWalkOptions): Promise<void> {
  const { context, report } = options;
  const { db, runId } = context;
  // Picasa's tags change only with the files: a run that found no file new, changed, moved or removed
  // (the usual night) and no new contacts.xml has nothing to import — unless the run before it did not
  // complete (killed before or during its import).
  const files = report.toJSON().files;
  const quiet =
    files.new + files.changed + files.moved + files.removed === 0 &&
    !options.contacts.changed &&
    previousRunCompleted(db, runId);
  let picasa = emptyPicasaReport();
  if (!quiet) {
    const iniPaths = presentPicasaIniPaths(db);
    // RAW boxes need the orientation, which the faces step cannot read from RAW files: learn it first.
    await learnRawOrientations(db, iniPaths);
    picasa = importPicasa(db, { runId, iniPaths, contactsXmlPath: options.contacts.path });
  }
  // XMP keeps its own record of what was read (xmp_sources); on a quiet night every present image and
  // sidecar was read by a completed run, so even listing them (a scan of all images) is skipped.
  const xmp = quiet
    ? emptyXmpReport()
    : await importXmp(db, { runId, onError: (path, message) => context.error(path, message) });
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
  report.section('xmp', xmp);
  if (options.recognize) {
    const { runRecognition } = await import('./recognize.js');
    report.section('people', runRecognition(db));
  }
}

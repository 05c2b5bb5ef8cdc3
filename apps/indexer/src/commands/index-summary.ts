import type { RunReport, RunReportJson } from '../jobs/report.js';

const MAX_ERRORS_SHOWN = 20;

interface FacesSection {
  photosProcessed: number;
  facesFound: number;
  failed: number;
}
interface PicasaSection {
  iniFiles: number;
  faces: number;
  people: number;
  albums: number;
  unparsedLines: number;
  warnings?: { file: string; line: number; message: string }[];
}
interface PeopleSection {
  status: string;
  suggested?: number;
  grouped?: number;
  newGroups?: number;
}

/** Lines for the steps after the walk: faces found, Picasa tags imported (with lines not understood), names. */
function stepLines(json: RunReportJson): string[] {
  const lines: string[] = [];
  const faces = json.faces as FacesSection | undefined;
  if (faces) {
    lines.push(
      `  faces: ${faces.photosProcessed} photos looked at, ${faces.facesFound} faces found` +
        (faces.failed ? `, ${faces.failed} photos could not be read (listed below)` : ''),
    );
  }
  const picasa = json.picasa as PicasaSection | undefined;
  if (picasa && picasa.iniFiles > 0) {
    lines.push(
      `  Picasa: ${picasa.iniFiles} .ini files, ${picasa.faces} tagged faces of ${picasa.people} people, ${picasa.albums} albums`,
    );
    const warnings = picasa.warnings ?? [];
    if (picasa.unparsedLines > 0 || warnings.length > 0) {
      lines.push(`  Picasa lines not understood (${picasa.unparsedLines}):`);
      for (const w of warnings.slice(0, MAX_ERRORS_SHOWN))
        lines.push(`    ${JSON.stringify(w.file)} line ${w.line}: ${w.message}`);
      if (warnings.length > MAX_ERRORS_SHOWN)
        lines.push(`    … and ${warnings.length - MAX_ERRORS_SHOWN} more (kindred index --json)`);
    }
  }
  const people = json.people as PeopleSection | undefined;
  if (people?.status === 'done') {
    lines.push(
      `  names: ${people.suggested ?? 0} faces suggested for known people, ${people.grouped ?? 0} grouped ` +
        `(${people.newGroups ?? 0} new "Who is this?" groups to look at in the gallery)`,
    );
  }
  return lines;
}

/** The human summary printed at the end of `kindred index` (without --json). */
export function formatSummary(json: RunReportJson, report: RunReport, completed: boolean): string {
  const f = json.files;
  const seconds = json.durationMs / 1000;
  const mb = report.bytesHashed / (1024 * 1024);
  const lines = [
    completed
      ? `Indexed ${f.seen} files in ${seconds.toFixed(1)} s.`
      : `Stopped after ${f.seen} files (${seconds.toFixed(1)} s); run again to finish.`,
    `  new ${f.new}, changed ${f.changed}, moved ${f.moved}, removed ${f.removed}, unchanged ${f.unchanged}`,
    `  ${f.duplicates} contents are at more than one path (see "kindred duplicates")`,
    `  hashed ${report.filesHashed} files, ${mb.toFixed(1)} MB${seconds > 0 ? ` (${(mb / seconds).toFixed(1)} MB/s)` : ''}`,
  ];
  lines.push(...stepLines(json));
  if (json.errors.length > 0) {
    lines.push(`  ${json.errors.length} problem(s):`);
    for (const e of json.errors.slice(0, MAX_ERRORS_SHOWN))
      lines.push(`    ${JSON.stringify(e.path)}: ${e.error}`);
    if (json.errors.length > MAX_ERRORS_SHOWN)
      lines.push(`    … and ${json.errors.length - MAX_ERRORS_SHOWN} more (kindred index --json)`);
  }
  return `${lines.join('\n')}\n`;
}

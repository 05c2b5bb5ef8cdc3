import type { RunReport, RunReportJson } from '../jobs/report.js';

const MAX_ERRORS_SHOWN = 20;

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
  if (json.errors.length > 0) {
    lines.push(`  ${json.errors.length} problem(s):`);
    for (const e of json.errors.slice(0, MAX_ERRORS_SHOWN))
      lines.push(`    ${JSON.stringify(e.path)}: ${e.error}`);
    if (json.errors.length > MAX_ERRORS_SHOWN)
      lines.push(`    … and ${json.errors.length - MAX_ERRORS_SHOWN} more (kindred index --json)`);
  }
  return `${lines.join('\n')}\n`;
}

import { Command, Option } from 'commander';
import type { IndexerEnv } from '../env.js';
import { RunReport } from '../jobs/report.js';
import { beginRun, finishRun, RunLockedError } from '../jobs/run-lock.js';
import { UnknownPersonError } from '../xmp/export-select.js';
import { exportXmp, type XmpExportReport } from '../xmp/export-xmp.js';
import { CliError, EXIT_LOCKED, openForCommand } from './cli-error.js';

interface ExportOptions {
  db: string;
  embed?: boolean;
  sidecar?: boolean;
  people?: string[];
  mp?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

const examples = `
Writes the confirmed, named faces of each photo as MWG face regions (what digiKam, Lightroom, darktable,
Picasa and exiftool read) plus Iptc4xmpExt:PersonInImage names. Photos are never touched unless --embed
is given. See docs/xmp.md for the mapping.

Examples:
  $ kindred xmp export --dry-run                 list what would be written
  $ kindred xmp export                           sidecars: photo.jpg.xmp beside each photo
  $ kindred xmp export --people "Rose Leslie"    only photos where Rose is confirmed
  $ kindred xmp export --embed --mp              into the JPEGs themselves, with Windows (MP) regions too
`;

function summary(report: XmpExportReport, options: ExportOptions): string {
  const lines = report.files.map((f) => `  ${f.action}: ${f.written} (${f.faces} faces)`);
  const verb = options.dryRun ? 'would write' : 'wrote';
  lines.push(
    `${report.photos} photos with named faces: ${verb} ${report.written} files (${report.faces} regions), ` +
      `${report.unchanged} already up to date, ${report.errors.length} failed`,
  );
  for (const e of report.errors) lines.push(`  failed: ${JSON.stringify(e.path)}: ${e.error}`);
  return `${lines.join('\n')}\n`;
}

async function runExport(options: ExportOptions): Promise<void> {
  if (options.embed && options.sidecar) throw new CliError('choose one of --sidecar and --embed');
  const db = openForCommand(options.db);
  try {
    let runId = 0;
    if (!options.dryRun) {
      try {
        ({ runId } = beginRun(db, 'xmp-export'));
      } catch (error) {
        if (error instanceof RunLockedError) throw new CliError(error.message, EXIT_LOCKED);
        throw error;
      }
    }
    let report: XmpExportReport;
    const started = performance.now();
    try {
      report = await exportXmp(db, {
        mode: options.embed ? 'embed' : 'sidecar',
        people: options.people,
        mp: Boolean(options.mp),
        dryRun: Boolean(options.dryRun),
        runId,
      });
    } catch (error) {
      if (runId) finishRun(db, runId, 'failed', new RunReport().toJSON());
      if (error instanceof UnknownPersonError) throw new CliError(error.message);
      throw new CliError(`xmp export failed: ${(error as Error).message}`);
    }
    if (runId) {
      const durationMs = Math.round(performance.now() - started);
      const errors = report.errors.map((e) => ({ path: e.path, error: e.error }));
      finishRun(db, runId, 'completed', { ...new RunReport().toJSON(), errors, durationMs, xmp: report });
    }
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : summary(report, options));
  } finally {
    db.$client.close();
  }
}

export function xmpCommand(env: IndexerEnv): Command {
  const exportCommand = new Command('export')
    .description(
      'Write confirmed faces as XMP face regions: sidecars by default, or into the JPEGs (--embed).',
    )
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .addOption(new Option('--sidecar', 'write photo.jpg.xmp sidecars (the default)').conflicts('embed'))
    .addOption(new Option('--embed', 'rewrite the JPEGs themselves (checked, atomic, other metadata kept)'))
    .option('--people <names...>', 'only photos where one of these people is confirmed')
    .option('--mp', 'also write Microsoft (Windows Photo Gallery) MP regions')
    .option('--dry-run', 'write nothing; list what would be written')
    .option('--json', 'print the report as one JSON object')
    .addHelpText('after', examples)
    .action(async (options: ExportOptions) => runExport(options));
  return new Command('xmp')
    .description(
      'Face regions in XMP: export what the family confirmed (reading happens in "kindred index").',
    )
    .addCommand(exportCommand);
}

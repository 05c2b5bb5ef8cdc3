import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { openForCommand } from './cli-error.js';

/** `kindred recognize`: the recognition step on its own (it also runs at the end of `kindred index`). */
export function recognizeCommand(env: IndexerEnv): Command {
  return new Command('recognize')
    .description('Suggest names for new faces and group the faces nobody has named yet.')
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option('--full', 're-name and re-group every face that is not confirmed (group ids are kept)')
    .option('--json', 'print the report as one JSON object on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ kindred recognize            only new faces (fast; runs after every index)\n  $ kindred recognize --full     start over from the confirmed faces\n',
    )
    .action(async (options: { db: string; full?: boolean; json?: boolean }) => {
      const db = openForCommand(options.db);
      try {
        const { runRecognition } = await import('../jobs/recognize.js');
        const report = runRecognition(db, { full: options.full ?? false });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(report)}\n`);
          return;
        }
        process.stdout.write(
          report.status === 'skipped'
            ? `Recognition: nothing to do (${report.reason}).\n`
            : `Recognition (${report.mode}): ${report.faces} faces, ${report.suggested} names suggested, ` +
                `${report.grouped} grouped (${report.newGroups} new groups), ` +
                `${report.peopleRebuilt} people updated, ${report.ms} ms.\n`,
        );
      } finally {
        db.$client.close();
      }
    });
}

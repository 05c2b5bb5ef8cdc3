import { Command, Option } from 'commander';
import type { IndexerEnv } from '../env.js';
import { CliError, openForCommand } from './cli-error.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** `kindred learn`: a metric learned from the confirmed faces, adopted only when it helps. */
export function learnCommand(env: IndexerEnv): Command {
  return new Command('learn')
    .description(
      'Learn a face metric from the confirmed faces (triplet loss), check it on held-out people and photos, and use it only when it names and groups better.',
    )
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option('--reset', 'stop using the learned metric and re-run recognition with the plain one')
    .option('--seed <n>', 'random seed (same seed, same result)', '6')
    .option('--steps <n>', 'training steps per model', '200')
    .addOption(
      new Option('--backend <name>', 'tfjs backend for training').choices(['wasm', 'cpu']).default('wasm'),
    )
    .option('--json', 'print the report as one JSON object on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ kindred learn                 train, validate, adopt only if better\n  $ kindred learn --reset         back to the plain metric (recognition re-runs)\n  $ kindred status                shows the decision and its figures\n',
    )
    .action(
      async (options: {
        db: string;
        reset?: boolean;
        seed: string;
        steps: string;
        backend: 'wasm' | 'cpu';
        json?: boolean;
      }) => {
        const seed = Number(options.seed);
        const steps = Number(options.steps);
        if (!Number.isInteger(seed) || !Number.isInteger(steps) || steps < 1)
          throw new CliError('--seed and --steps must be whole numbers (steps ≥ 1)');
        const db = openForCommand(options.db);
        try {
          const { runLearn } = await import('../jobs/learn.js');
          const report = await runLearn(db, {
            reset: options.reset ?? false,
            train: { seed, steps, backend: options.backend },
          });
          if (options.json) {
            const { metric, ...rest } = report;
            const { projection: _w, ...shown } = metric ?? {};
            process.stdout.write(`${JSON.stringify({ ...rest, metric: metric ? shown : null })}\n`);
            return;
          }
          const m = report.metric;
          const lines = [`Learn: ${report.status} (${report.reason}).`];
          if (m && !options.reset && report.status === 'done') {
            lines.push(
              `  held-out (${m.folds.length} folds, ${m.trainedOn.faces} confirmed faces of ${m.trainedOn.people} people):`,
              `    current metric: precision ${pct(m.current.precision)}, recall ${pct(m.current.recall)}, grouping F ${m.current.bcubedF.toFixed(3)}`,
              `    learned metric: precision ${pct(m.learned.precision)}, recall ${pct(m.learned.recall)}, grouping F ${m.learned.bcubedF.toFixed(3)}`,
              `  ${m.adopted ? 'adopted: recognition re-ran with it' : 'not adopted: recognition keeps the current metric'}.`,
            );
          }
          if (report.recognition)
            lines.push(
              `  recognition (full): ${report.recognition.suggested} names suggested, ${report.recognition.grouped} grouped.`,
            );
          process.stdout.write(`${lines.join('\n')}\n`);
        } finally {
          db.$client.close();
        }
      },
    );
}

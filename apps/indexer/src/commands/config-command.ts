import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { SETTINGS } from '../jobs/config-file.js';

const EXAMPLE = {
  db: '/srv/kindred/kindred.db',
  roots: ['/mnt/photos', '/mnt/scans'],
  exclude: ['Thumbs.db', '*.tmp', 'Screenshots', 'Scans/raw'],
  vision: { workers: 2, detector: 'auto', timeoutMs: 60000 },
  schedule: { at: '02:30' },
  backup: { dir: '/mnt/backup/kindred', keep: 14 },
  notifyCommand: 'mail -s "Kindred: new photos" family@example.org',
};

function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.join(', ');
  return String(value);
}

export function configCommand(env: IndexerEnv): Command {
  return new Command('config')
    .description('Show the effective settings and where each came from (default, environment, config file).')
    .option('--json', 'print one JSON object on stdout')
    .option('--example', 'print an example kindred.config.json')
    .addHelpText(
      'after',
      `
The config file is $KINDRED_CONFIG, else kindred.config.json beside the default database
(now: ${env.configPath}). A command-line flag beats the environment, which beats the file.

Examples:
  $ kindred config
  $ kindred config --example > ~/.local/share/kindred/kindred.config.json
  $ KINDRED_VISION_WORKERS=1 kindred config --json | jq '.settings["vision.workers"]'
`,
    )
    .action((options: { json?: boolean; example?: boolean }) => {
      if (options.example) {
        process.stdout.write(`${JSON.stringify(EXAMPLE, null, 2)}\n`);
        return;
      }
      const settings = Object.fromEntries(
        SETTINGS.map((spec) => {
          const resolved = env.settings.get(spec.key);
          return [spec.key, { value: resolved?.value ?? null, source: resolved?.source, env: spec.env }];
        }),
      );
      if (options.json) {
        const { configPath, configExists, systemdUserDir } = env;
        process.stdout.write(`${JSON.stringify({ configPath, configExists, settings, systemdUserDir })}\n`);
        return;
      }
      const lines = [
        `Config file: ${env.configPath}${env.configExists ? '' : ' (none; kindred config --example shows one)'}`,
      ];
      const width = Math.max(...SETTINGS.map((s) => s.key.length));
      for (const spec of SETTINGS) {
        const resolved = env.settings.get(spec.key);
        lines.push(`  ${spec.key.padEnd(width)}  ${show(resolved?.value)}  [${resolved?.source}]`);
      }
      lines.push('', 'Environment overrides:');
      for (const spec of SETTINGS) lines.push(`  ${(spec.env ?? '').padEnd(26)} ${spec.key}: ${spec.help}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

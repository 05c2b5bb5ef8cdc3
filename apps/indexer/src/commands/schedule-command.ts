import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import {
  crontabLine,
  readUnits,
  removeUnits,
  type ScheduledJob,
  TIMER,
  userSystemctl,
  writeUnits,
} from '../jobs/schedule-units.js';
import { CliError, openForCommand } from './cli-error.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function install(env: IndexerEnv, options: { db: string; at: string }): void {
  if (!TIME.test(options.at)) throw new CliError(`--at: not a time HH:MM (24 h): "${options.at}"`);
  const job: ScheduledJob = { at: options.at, databasePath: resolve(options.db), configPath: env.configPath };
  const written = writeUnits(env.systemdUserDir, job);
  say(`Wrote ${written.join(' and ')} (daily at ${job.at}; a missed night runs at the next start).`);
  const systemctl = userSystemctl(env.systemctl);
  if (!systemctl.available) {
    say(`No systemd user manager here (${systemctl.reason}), so the timer is not enabled.`);
    say(
      'Add this line with "crontab -e" instead (cron does not catch up a missed night; the next run does the work):',
    );
    say(`  ${crontabLine(job)}`);
    return;
  }
  for (const args of [['daemon-reload'], ['enable', '--now', TIMER]]) {
    const result = systemctl.run(args);
    if (!result.ok) throw new CliError(`systemctl --user ${args.join(' ')} failed: ${result.output}`);
  }
  say(`Enabled ${TIMER}. To run while you are logged out: loginctl enable-linger $USER`);
}

interface ScheduleStatus {
  installed: boolean;
  unitDir: string;
  at: string | null;
  systemd: string;
  timer: Record<string, string> | null;
  lastRun: { id: number; status: string; startedAt: string; finishedAt: string | null } | null;
  lastCompleted: string | null;
  overdue: boolean;
}

function lastRuns(db: string) {
  if (!existsSync(db)) return { lastRun: null, lastCompleted: null };
  const handle = openForCommand(db, { readonly: true });
  try {
    const sqlite = handle.$client;
    const lastRun = (sqlite
      .prepare(
        `SELECT id, status, started_at AS startedAt, finished_at AS finishedAt FROM runs WHERE command = 'index' ORDER BY id DESC LIMIT 1`,
      )
      .get() ?? null) as ScheduleStatus['lastRun'];
    const completed = sqlite
      .prepare(`SELECT MAX(finished_at) AS at FROM runs WHERE command = 'index' AND status = 'completed'`)
      .get() as { at: string | null };
    return { lastRun, lastCompleted: completed.at };
  } finally {
    handle.$client.close();
  }
}

function status(env: IndexerEnv, options: { db: string; json?: boolean }): void {
  const units = readUnits(env.systemdUserDir);
  const systemctl = userSystemctl(env.systemctl);
  let timer: Record<string, string> | null = null;
  if (systemctl.available && units.installed) {
    const shown = systemctl.run([
      'show',
      TIMER,
      '--property=ActiveState,NextElapseUSecRealtime,LastTriggerUSec',
    ]);
    timer = Object.fromEntries(shown.output.split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
  }
  const { lastRun, lastCompleted } = lastRuns(options.db);
  const dayMs = 26 * 3600_000;
  const overdue = units.installed && (!lastCompleted || Date.now() - Date.parse(lastCompleted) > dayMs);
  const result: ScheduleStatus = {
    installed: units.installed,
    unitDir: units.dir,
    at: units.at ?? null,
    systemd: systemctl.available ? 'available' : `not available (${systemctl.reason})`,
    timer,
    lastRun,
    lastCompleted,
    overdue,
  };
  if (options.json) {
    say(JSON.stringify(result));
    return;
  }
  say(
    units.installed
      ? `Scheduled daily at ${units.at} (${units.dir})`
      : `Not scheduled (no units in ${units.dir}).`,
  );
  say(`systemd user manager: ${result.systemd}`);
  if (timer)
    say(
      `Timer: ${timer.ActiveState}; next ${timer.NextElapseUSecRealtime || '?'}; last ${timer.LastTriggerUSec || 'never'}`,
    );
  say(
    lastRun
      ? `Last index run: #${lastRun.id} ${lastRun.status}, started ${lastRun.startedAt}`
      : 'No index run yet.',
  );
  say(`Last completed run: ${lastCompleted ?? 'never'}`);
  if (overdue) say('Warning: no run completed in the last 26 hours; see "kindred status" and the job log.');
}

function remove(env: IndexerEnv): void {
  const systemctl = userSystemctl(env.systemctl);
  if (systemctl.available && readUnits(env.systemdUserDir).installed) {
    const result = systemctl.run(['disable', '--now', TIMER]);
    if (!result.ok) throw new CliError(`systemctl --user disable --now ${TIMER} failed: ${result.output}`);
  }
  const removed = removeUnits(env.systemdUserDir);
  if (systemctl.available) systemctl.run(['daemon-reload']);
  say(
    removed.length > 0 ? `Removed ${removed.join(' and ')}.` : `Nothing to remove in ${env.systemdUserDir}.`,
  );
  if (!systemctl.available) say('If you added a crontab line, remove it with "crontab -e".');
}

export function scheduleCommand(env: IndexerEnv): Command {
  const db = () => new Command().option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath);
  const schedule = new Command('schedule')
    .description(
      'Run "kindred index" every night: a systemd user timer, or a crontab line where there is no systemd.',
    )
    .addHelpText(
      'after',
      `
Units go to $KINDRED_SYSTEMD_DIR, else $XDG_CONFIG_HOME/systemd/user (now: ${env.systemdUserDir}).
The timer is Persistent: a night missed while the machine was off runs when it is back.
Runs are locked (a second run exits 3) and resumable, so an overlap or a kill loses nothing.

Examples:
  $ kindred schedule install --at 02:30
  $ kindred schedule status
  $ kindred schedule remove
`,
    );
  schedule.addCommand(
    db()
      .name('install')
      .description('Write and enable the timer (or print a crontab line)')
      .option('--at <HH:MM>', 'time of day (config schedule.at)', env.scheduleAt)
      .action((options: { db: string; at: string }) => install(env, options)),
  );
  schedule.addCommand(
    db()
      .name('status')
      .description('Is it installed, when does it run next, when did a run last complete')
      .option('--json', 'print one JSON object on stdout')
      .action((options: { db: string; json?: boolean }) => status(env, options)),
  );
  schedule.addCommand(
    new Command('remove').description('Disable the timer and delete its units').action(() => remove(env)),
  );
  return schedule;
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVICE = 'kindred-index.service';
export const TIMER = 'kindred-index.timer';

/** What the scheduled job runs: this node and this CLI, on this database, with this config file. */
export interface ScheduledJob {
  at: string;
  databasePath: string;
  configPath: string;
  node?: string;
  cli?: string;
}

const cliPath = () => fileURLToPath(new URL('../cli.js', import.meta.url));

/** One ExecStart word: quoted, with systemd's specifiers (%) and variables ($) escaped. */
function systemdWord(word: string): string {
  return `"${word.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%').replace(/\$/g, '$$$$')}"`;
}

function shellWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function command(job: ScheduledJob): string[] {
  return [job.node ?? process.execPath, job.cli ?? cliPath(), 'index', '--db', job.databasePath];
}

export function serviceUnit(job: ScheduledJob): string {
  return `[Unit]
Description=Kindred: index the family photos (kindred index)

[Service]
Type=oneshot
Environment=${systemdWord(`KINDRED_CONFIG=${job.configPath}`)}
ExecStart=${command(job).map(systemdWord).join(' ')}
Nice=10
IOSchedulingClass=idle
# Exit 3: another run holds the database (it will finish the work); not a failure.
SuccessExitStatus=3
`;
}

/** `Persistent=true`: a night missed (machine off or asleep) runs as soon as the machine is back. */
export function timerUnit(job: ScheduledJob): string {
  return `[Unit]
Description=Kindred: nightly index at ${job.at}

[Timer]
OnCalendar=*-*-* ${job.at}:00
Persistent=true
Unit=${SERVICE}

[Install]
WantedBy=timers.target
`;
}

/** The crontab line for machines without a systemd user manager (cron does not catch up a missed night). */
export function crontabLine(job: ScheduledJob): string {
  const [hour, minute] = job.at.split(':').map(Number);
  const log = join(dirname(job.databasePath), 'index.log');
  const words = command(job).map(shellWord).join(' ');
  return `${minute} ${hour} * * * KINDRED_CONFIG=${shellWord(job.configPath)} ${words} >> ${shellWord(log)} 2>&1`;
}

export interface Systemctl {
  available: boolean;
  /** Why not, when not available. */
  reason?: string;
  run(args: string[]): { ok: boolean; output: string };
}

/** Is a systemd user manager reachable through `program --user`? (Absent in most containers and on macOS.) */
export function userSystemctl(program: string): Systemctl {
  const run = (args: string[]) => {
    const result = spawnSync(program, ['--user', ...args], { encoding: 'utf8', timeout: 10_000 });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    if (result.error) return { ok: false, output: result.error.message };
    return { ok: result.status === 0, output };
  };
  const probe = run(['show-environment']);
  return probe.ok
    ? { available: true, run }
    : { available: false, reason: probe.output.split('\n')[0] || 'no systemd user manager', run };
}

export interface InstalledUnits {
  dir: string;
  installed: boolean;
  at?: string;
  execStart?: string;
}

export function writeUnits(dir: string, job: ScheduledJob): string[] {
  mkdirSync(dir, { recursive: true });
  const written = [join(dir, SERVICE), join(dir, TIMER)];
  writeFileSync(written[0] as string, serviceUnit(job));
  writeFileSync(written[1] as string, timerUnit(job));
  return written;
}

export function readUnits(dir: string): InstalledUnits {
  const timer = join(dir, TIMER);
  const service = join(dir, SERVICE);
  if (!existsSync(timer) || !existsSync(service)) return { dir, installed: false };
  const at = /^OnCalendar=\S+ (\d\d:\d\d):00$/m.exec(readFileSync(timer, 'utf8'))?.[1];
  const execStart = /^ExecStart=(.*)$/m.exec(readFileSync(service, 'utf8'))?.[1];
  return { dir, installed: true, at, execStart };
}

export function removeUnits(dir: string): string[] {
  const paths = [join(dir, TIMER), join(dir, SERVICE)].filter((path) => existsSync(path));
  for (const path of paths) rmSync(path);
  return paths;
}

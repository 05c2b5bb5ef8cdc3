import { spawn } from 'node:child_process';

export interface NotifyResult {
  ok: boolean;
  /** Why it failed: exit status, signal, timeout or spawn error, with the end of its stderr. */
  problem?: string;
}

/**
 * Runs the notify hook: `sh -c COMMAND` with the JSON document on stdin (e.g. a script that sends an email).
 * Its stdout goes to our stderr (stdout may carry `--json`); a command running past `timeoutMs` is killed.
 */
export function runNotifyCommand(command: string, json: unknown, timeoutMs = 120_000): Promise<NotifyResult> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.stdin.on('error', () => {}); // a hook that does not read its stdin is fine
    child.stdin.end(`${JSON.stringify(json)}\n`);
    child.on('error', (error) => resolve({ ok: false, problem: error.message }));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve({ ok: true });
      const why = signal ? `killed by ${signal}${signal === 'SIGTERM' ? ' (timeout?)' : ''}` : `exit ${code}`;
      resolve({ ok: false, problem: `${why}${stderr.trim() ? `: ${stderr.trim()}` : ''}` });
    });
  });
}

import cluster, { type Address } from 'node:cluster';
import { availableParallelism } from 'node:os';

/**
 * Server processes `kindred api` starts by default: one below the core count, at most 4 (SQLite serialises writes
 * anyway), so 1 on a machine of 2 cores or fewer. Measured on 2 cores with the clients on the same machine, 2
 * processes answered first asks no faster and repeats slower: each process keeps its own response cache, so
 * every query is computed twice.
 */
export function defaultApiWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * Runs the API on `workers` processes that share one port (node:cluster), so requests use every core: one
 * Node process answers on one core however many cores the machine has. Each worker opens its own connection;
 * the response caches stay right across processes because they watch SQLite's data_version.
 *
 * In the primary (workers > 1) it forks the workers, which run the same command line, and resolves with
 * `{ role: 'primary', address }` once they all listen; a SIGINT or SIGTERM is passed on to them, and the
 * process ends when they have. In a worker, or with 1 worker, it resolves `{ role: 'server' }`: the caller
 * starts its server.
 */
export async function startApiProcesses(
  workers: number,
): Promise<{ role: 'server' } | { role: 'primary'; address: Address }> {
  if (workers <= 1 || cluster.isWorker) return { role: 'server' };
  const forked = Array.from({ length: workers }, () => cluster.fork());
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const worker of forked) worker.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let exited = 0;
  const address = await new Promise<Address>((resolve, reject) => {
    let listening = 0;
    cluster.on('listening', (_worker, where) => {
      if (++listening === workers) resolve(where);
    });
    cluster.on('exit', (worker, code) => {
      exited++;
      if (listening < workers) {
        stop();
        reject(
          new Error(`an API process stopped while starting (exit code ${code ?? worker.process.signalCode})`),
        );
      } else if (!stopping) {
        process.stderr.write(`kindred: an API process stopped (exit code ${code}); the others go on\n`);
      }
      if (exited === workers) process.exit(stopping ? 0 : 1);
    });
  });
  return { role: 'primary', address };
}

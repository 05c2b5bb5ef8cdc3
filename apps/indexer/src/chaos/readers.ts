import type { ChildProcess } from 'node:child_process';
import { runCli, startCli } from '../testing/cli-runner.js';

/** What the gallery asks while people browse: counts, people, a page of photos with faces, groups, runs. */
const QUERIES = [
  '{ stats { photos faces people clusters files } }',
  '{ people(first: 30) { edges { node { id name faceCount photoCount } } } }',
  '{ photos(first: 60) { edges { node { id hash takenAt width height paths faces { id } } } } }',
  '{ clusters(first: 20) { edges { node { id } } } }',
  '{ runs(first: 5) { edges { node { id } } } }',
];

export interface ReadersResult {
  clients: number;
  requests: number;
  failed: number;
  failures: string[];
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Starts `kindred api` on a database (with a viewer token) and resolves with its URL once it listens. */
export async function startApi(
  db: string,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; token: string; api: ChildProcess }> {
  const created = await runCli(
    ['token', 'create', '--name', 'chaos-readers', '--role', 'viewer', '--db', db],
    { env },
  );
  if (created.code !== 0) throw new Error(`kindred token create failed: ${created.stderr}`);
  const token = created.stdout.trim();
  const api = startCli(['api', '--db', db, '--port', '0'], { env });
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    api.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /GraphQL API on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (found) resolve(found);
    });
    api.once('exit', (code) => reject(new Error(`kindred api exited ${code}: ${stderr}`)));
  });
  return { url, token, api };
}

/**
 * `clients` concurrent clients query the API in a loop until `until` settles; every non-200 answer, GraphQL
 * error or network error counts as failed.
 */
export async function readDuring(
  url: string,
  token: string,
  clients: number,
  until: Promise<unknown>,
): Promise<ReadersResult> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  const failures: string[] = [];
  const client = async (n: number) => {
    for (let i = n; !done; i++) {
      const query = QUERIES[i % QUERIES.length] as string;
      const started = performance.now();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { errors?: { message: string }[] };
        if (response.status !== 200 || body.errors)
          failures.push(`${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 200)}`);
      } catch (error) {
        failures.push((error as Error).message);
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    clients,
    requests: latencies.length,
    failed: failures.length,
    failures: failures.slice(0, 10),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: Math.round(latencies.at(-1) ?? 0),
  };
}

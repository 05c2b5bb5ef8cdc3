import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@kindred/db';
import { tempDir } from '@kindred/testing';
import { defaultApiWorkers } from '../api-cluster.js';
import { DEFAULT_RESPONSE_CACHE_ENTRIES } from '../response-cache.js';
import { generateLibrary } from './generate.js';

const SIZE = { photos: 100_000, faces: 200_000, people: 2_000, clusters: 5_000 };
const REQUESTS = { 1: 300, 50: 2_000 } as const;

interface Scenario {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * One POST over a kept-alive connection with node:http. Not fetch: Node's fetch cost the client ~1.4 ms of CPU per
 * request, and on a 2-core machine the client's queue, not the server, set the latency (the server sat 60% idle).
 */
function post(url: URL, agent: Agent, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(url: URL, scenario: Scenario, clients: number, total: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        try {
          const response = await post(
            url,
            agent,
            JSON.stringify({ query: scenario.query, variables: scenario.variables() }),
          );
          const body = JSON.parse(response.text) as { errors?: unknown[] };
          if (response.status !== 200 || body.errors) failures++;
        } catch {
          failures++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: total / seconds,
    failures,
  };
}

async function main() {
  const keep = process.env.KINDRED_BENCH_DB;
  const temp = tempDir('kindred-bench-api-');
  const dbPath = keep ?? join(temp.path, 'bench.db');
  if (!existsSync(dbPath)) {
    const t0 = performance.now();
    const made = generateLibrary(dbPath, SIZE);
    console.log(
      `generated ${made.photos} photos, ${made.faces} faces, ${made.people} people in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  const sqlite = openDatabase(dbPath, { readonly: true }).$client;
  const topPeople = sqlite
    .prepare(
      `select person_id from faces where state = 'confirmed' group by person_id order by count(*) desc limit 200`,
    )
    .pluck()
    .all() as number[];
  const hashes = sqlite
    .prepare(`select photo_hash from faces group by photo_hash having count(*) >= 2 limit 2000`)
    .pluck()
    .all() as string[];
  sqlite.close();
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)] as T;
  const scenarios: Scenario[] = [
    {
      name: 'people list (50)',
      query: `{ people(first: 50, filter: { hidden: false }) { totalCount nodes { id name faceCount photoCount coverFace { cropUrl } } pageInfo { endCursor hasNextPage } } }`,
      variables: () => ({}),
    },
    {
      name: "person's photos page (50)",
      query: `query($id: ID!) { person(id: $id) { name faceCount photos(first: 50, orderBy: TAKEN_AT_DESC) { totalCount nodes { id hash takenAt thumbnailUrl } pageInfo { endCursor hasNextPage } } } }`,
      variables: () => ({ id: String(pick(topPeople)) }),
    },
    {
      name: 'photo with faces',
      query: `query($id: ID!) { photo(id: $id) { id hash width height takenAt paths starred originalUrl thumbnailUrl(size: 1280)
        albums { name } people { name } faces { id box { x y w h } state source cropUrl person { id name } cluster { clusterId } } } }`,
      variables: () => ({ id: pick(hashes) }),
    },
  ];
  console.log(
    `server: kindred api's node:http front, ${defaultApiWorkers()} process(es), its default on this machine`,
  );
  console.log(
    '| scenario | response cache | clients | requests | p50 ms | p95 ms | p99 ms | req/s | failed |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  // Off: every request runs its query (the cost of a first visit). On: repeats are answered from the
  // cache until the database changes (what a family browsing between edits gets).
  for (const [cache, entries] of [
    ['off', 0],
    ['on', DEFAULT_RESPONSE_CACHE_ENTRIES],
  ] as const) {
    const server = fork(fileURLToPath(new URL('./serve.js', import.meta.url)), [dbPath, String(entries)]);
    const port = await new Promise<number>((resolve) =>
      server.once('message', (m: { port: number }) => resolve(m.port)),
    );
    const url = new URL(`http://127.0.0.1:${port}/api/graphql`);
    for (const scenario of scenarios) {
      await run(url, scenario, 4, 100); // warm up
      for (const clients of [1, 50] as const) {
        const r = await run(url, scenario, clients, REQUESTS[clients]);
        console.log(
          `| ${scenario.name} | ${cache} | ${clients} | ${REQUESTS[clients]} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.failures} |`,
        );
      }
    }
    server.disconnect();
  }
  if (!keep) temp.cleanup();
}

await main();

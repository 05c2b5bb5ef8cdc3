import { query } from '@/lib/graphql';

export interface DuplicateGroup {
  photo: { hash: string; width: number | null; height: number | null };
  paths: string[];
}

const DUPLICATES = /* GraphQL */ `
  query Duplicates {
    duplicates(first: 200) { nodes { paths photo { hash width height } } }
  }
`;

/** Photos stored at more than one path (byte-identical copies). */
export async function loadDuplicates(): Promise<DuplicateGroup[]> {
  return (await query<{ duplicates: { nodes: DuplicateGroup[] } }>(DUPLICATES)).duplicates.nodes;
}

export interface IndexRun {
  runId: number;
  command: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  report: unknown;
}

const LATEST_RUN = /* GraphQL */ `
  query LatestRun {
    runs(first: 1) { nodes { runId command startedAt finishedAt status report } }
  }
`;

/** The most recent `kindred index` run and its report, or null if none ran yet. */
export async function loadLatestRun(): Promise<IndexRun | null> {
  return (await query<{ runs: { nodes: IndexRun[] } }>(LATEST_RUN)).runs.nodes[0] ?? null;
}

import { query } from '@/lib/graphql';

export interface DuplicateGroup {
  photo: { hash: string; width: number | null; height: number | null };
  paths: string[];
}

const DUPLICATES = /* GraphQL */ `
  query Duplicates($after: String) {
    duplicates(first: 200, after: $after) {
      nodes { paths photo { hash width height } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

type DuplicatePage = {
  duplicates: { nodes: DuplicateGroup[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};

/** Photos stored at more than one path (byte-identical copies), every page of them. */
export async function loadDuplicates(): Promise<DuplicateGroup[]> {
  const groups: DuplicateGroup[] = [];
  let after: string | null = null;
  for (;;) {
    const page: DuplicatePage = await query<DuplicatePage>(DUPLICATES, { after });
    groups.push(...page.duplicates.nodes);
    after = page.duplicates.pageInfo.endCursor;
    if (!page.duplicates.pageInfo.hasNextPage || !after) return groups;
  }
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

import { query } from '@/lib/graphql';

export interface ReviewCluster {
  clusterId: number;
  size: number;
  faces: { nodes: { faceId: number; photo: { hash: string; takenAt: string | null } }[] };
}

const REVIEW_QUEUE = /* GraphQL */ `
  query ReviewQueue {
    clusters(minSize: 1, first: 100) {
      nodes { clusterId size faces(first: 48) { nodes { faceId photo { hash takenAt } } } }
    }
  }
`;

export interface ReviewData {
  total: number;
  current: ReviewCluster | null;
  nextId: number | null;
  position: number;
}

/** The unnamed groups, largest first; the one asked for (or the first), and which comes after it. */
export async function loadReview(clusterId: number | null): Promise<ReviewData> {
  const data = await query<{ clusters: { nodes: ReviewCluster[] } }>(REVIEW_QUEUE);
  const queue = data.clusters.nodes.filter((c) => c.size > 0);
  const index = Math.max(0, clusterId === null ? 0 : queue.findIndex((c) => c.clusterId === clusterId));
  const current = queue[index] ?? null;
  return {
    total: queue.length,
    current,
    nextId: queue[index + 1]?.clusterId ?? queue[0]?.clusterId ?? null,
    position: index + 1,
  };
}

import { type clusters, faces } from '@kindred/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { sql } from 'drizzle-orm';
import { builder, type KindredTypes } from '../builder.js';

/** An unnamed group of similar faces found by recognition ("Who is this?"). */
/** A cluster row as the type reads it: the id alone (it selects no columns of its own, `select: {}`). */
type ClusterRow = Pick<typeof clusters.$inferSelect, 'id'>;

export const Cluster: DrizzleObjectRef<KindredTypes, 'clusters', ClusterRow> = builder.drizzleNode(
  'clusters',
  {
    name: 'Cluster',
    select: {},
    id: { column: (cluster) => cluster.id },
    fields: (t) => ({
      // Not t.exposeInt (which selects the column): a face's `{ id: clusterId }` resolves as it is.
      clusterId: t.int({ resolve: (cluster) => cluster.id }),
      size: t.int({
        description: 'Faces in the cluster not confirmed as anyone.',
        select: {
          extras: {
            openFaces: (cluster) =>
              sql<number>`(select count(*) from ${faces} where ${faces.clusterId} = ${cluster.id} and ${faces.state} <> 'confirmed')`,
          },
        },
        resolve: (cluster) => Number(cluster.openFaces),
      }),
      faces: t.relatedConnection('faces', {
        description: 'Faces in the cluster not confirmed as anyone.',
        query: { where: { state: { ne: 'confirmed' } }, orderBy: { id: 'asc' } },
      }),
    }),
  },
);

import { type clusters, faces } from '@kindred/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { sql } from 'drizzle-orm';
import { builder, type KindredTypes } from '../builder.js';

/** An unnamed group of similar faces found by recognition ("Who is this?"). */
export const Cluster: DrizzleObjectRef<KindredTypes, 'clusters', typeof clusters.$inferSelect> =
  builder.drizzleNode('clusters', {
    name: 'Cluster',
    select: {},
    id: { column: (cluster) => cluster.id },
    fields: (t) => ({
      clusterId: t.exposeInt('id'),
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
  });

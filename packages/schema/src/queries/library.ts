import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { builder } from '../builder.js';
import { parseNumericId } from '../ids.js';
import { AlbumSource } from '../types/album.js';
import { DuplicateGroup, type DuplicateGroupShape } from '../types/duplicate-group.js';
import { Folder, type FolderShape } from '../types/folder.js';
import { Stats, type StatsShape } from '../types/stats.js';

const openFaces = (cluster: { id: SQLiteColumn }): SQL<number> =>
  sql<number>`(select count(*) from faces f where f.cluster_id = ${cluster.id} and f.state <> 'confirmed')`;

builder.queryFields((t) => ({
  clusters: t.drizzleConnection({
    type: 'clusters',
    description: '"Who is this?": groups of unnamed similar faces, largest first.',
    args: { minSize: t.arg.int({ defaultValue: 2 }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.clusters.findMany(
        query({
          where: { RAW: (cluster) => sql`${openFaces(cluster)} >= ${Math.max(1, args.minSize ?? 2)}` },
          extras: { openFaceCount: (cluster) => openFaces(cluster) },
          orderBy: { openFaceCount: 'desc' },
        }),
      ),
  }),
  suggestions: t.drizzleConnection({
    type: 'faces',
    description: 'Faces the machine suggests, for one person or for everyone; most alike first.',
    args: { personId: t.arg.id() },
    resolve: (query, _root, args, ctx) => {
      const personId = args.personId == null ? null : parseNumericId(args.personId, 'Person');
      return ctx.db.query.faces.findMany(
        query({
          where: personId === null ? { state: 'suggested' } : { state: 'suggested', personId },
          extras: { rank: (face) => sql<number>`coalesce(${face.suggestionDistance}, 1e9)` },
          orderBy: { rank: 'asc' },
        }),
      );
    },
  }),
  albums: t.drizzleConnection({
    type: 'albums',
    description: 'Albums by name.',
    args: { source: t.arg({ type: AlbumSource }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.albums.findMany(
        query({ where: args.source ? { source: args.source } : {}, orderBy: { name: 'asc' } }),
      ),
  }),
  runs: t.drizzleConnection({
    type: 'runs',
    description: 'Index runs, newest first.',
    resolve: (query, _root, _args, ctx) => ctx.db.query.runs.findMany(query({ orderBy: { id: 'desc' } })),
  }),
  folders: t.field({
    type: [Folder],
    description: 'Folders that directly hold present photo files, by path.',
    resolve: (_root, _args, ctx) =>
      ctx.db.all<FolderShape>(sql`select rtrim(f.path, replace(f.path, '/', '')) as path, count(*) as photoCount
        from files f join photos p on p.hash = f.content_hash where f.status = 'present'
        group by 1 order by 1`),
  }),
  duplicates: t.connection({
    type: DuplicateGroup,
    description: 'Contents stored as more than one present file.',
    resolve: (_root, args, ctx) =>
      resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) =>
        ctx.db
          .all<{ hash: string; paths: string }>(
            sql`select content_hash as hash, json_group_array(path) as paths from
              (select content_hash, path from files where status = 'present' and content_hash is not null order by path)
              group by content_hash having count(*) > 1 order by content_hash limit ${limit} offset ${offset}`,
          )
          .map((row): DuplicateGroupShape => ({ hash: row.hash, paths: JSON.parse(row.paths) as string[] })),
      ),
  }),
  stats: t.field({
    type: Stats,
    resolve: (_root, _args, ctx) =>
      ctx.db.get<StatsShape>(sql`select
        (select count(*) from photos) as photos,
        (select count(*) from files where status = 'present') as files,
        (select count(*) from faces) as faces,
        (select count(*) from faces where state = 'confirmed') as confirmedFaces,
        (select count(*) from faces where state = 'suggested') as suggestedFaces,
        (select count(*) from faces where state = 'unassigned') as unassignedFaces,
        (select count(*) from people where merged_into is null) as people,
        (select count(*) from people where merged_into is null and name is not null) as namedPeople,
        (select count(*) from people where merged_into is null and hidden = 1) as hiddenPeople,
        (select count(distinct cluster_id) from faces where cluster_id is not null and state <> 'confirmed') as clusters,
        (select count(*) from albums) as albums,
        (select count(*) - count(distinct content_hash) from files where status = 'present' and content_hash is not null) as duplicateFiles,
        (select count(*) from edits) as edits`) as StatsShape,
  }),
}));

import type { runs } from '@kindred/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { builder, type KindredTypes } from '../builder.js';

/** One `kindred index` (or other command) run, with its JSON report. */
export const IndexRun: DrizzleObjectRef<KindredTypes, 'runs', typeof runs.$inferSelect> = builder.drizzleNode(
  'runs',
  {
    name: 'IndexRun',
    id: { column: (run) => run.id },
    fields: (t) => ({
      runId: t.exposeInt('id'),
      command: t.exposeString('command'),
      startedAt: t.exposeString('startedAt'),
      finishedAt: t.exposeString('finishedAt', { nullable: true }),
      status: t.exposeString('status', { description: 'running, completed, failed or interrupted.' }),
      report: t.field({
        type: 'JSON',
        nullable: true,
        description: 'The run report as written by the command (see docs/schema.md).',
        select: { columns: { report: true } },
        resolve: (run) => run.report ?? null,
      }),
    }),
  },
);

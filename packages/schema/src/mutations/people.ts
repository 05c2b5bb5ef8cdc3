import { builder } from '../builder.js';
import { mergePeople, namePerson, setCoverFace, setHidden, undoMerge } from '../domain/people.js';
import { parseNumericId } from '../ids.js';
import { MUTATION_ERRORS } from '../types/errors.js';
import { PersonPayload, UndoMergePayload } from './payloads.js';
import { editIdFromUndoToken, undoTokenFor } from './undo-token.js';

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => ({
  namePerson: t.field({
    type: PersonPayload,
    errors,
    description:
      'Names a cluster (a new person gets its faces, confirmed) or renames a person. A name that already belongs to someone returns NameTakenError unless confirmMerge is true, which merges them (undoable).',
    args: {
      name: t.arg.string({ required: true }),
      personId: t.arg.id(),
      clusterId: t.arg.id(),
      confirmMerge: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, args, ctx) => {
      const result = namePerson(
        ctx.db,
        ctx.actor.role,
        {
          personId: args.personId == null ? null : parseNumericId(args.personId, 'Person'),
          clusterId: args.clusterId == null ? null : parseNumericId(args.clusterId, 'Cluster'),
        },
        args.name,
        args.confirmMerge ?? false,
      );
      const isMerge = 'merge' in result.payload;
      return { ...result, undoToken: isMerge ? undoTokenFor(result.editId) : null };
    },
  }),
  mergePeople: t.field({
    type: PersonPayload,
    errors,
    description: 'Moves every face of one person to another. Returns an undo token.',
    args: { fromPersonId: t.arg.id({ required: true }), intoPersonId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const result = mergePeople(
        ctx.db,
        ctx.actor.role,
        parseNumericId(args.fromPersonId, 'Person'),
        parseNumericId(args.intoPersonId, 'Person'),
      );
      return { ...result, merged: true, undoToken: undoTokenFor(result.editId) };
    },
  }),
  undoMerge: t.field({
    type: UndoMergePayload,
    errors,
    args: { undoToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => undoMerge(ctx.db, ctx.actor.role, editIdFromUndoToken(args.undoToken)),
  }),
  hidePerson: t.field({
    type: PersonPayload,
    errors,
    args: { personId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      setHidden(ctx.db, ctx.actor.role, parseNumericId(args.personId, 'Person'), true),
  }),
  unhidePerson: t.field({
    type: PersonPayload,
    errors,
    args: { personId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      setHidden(ctx.db, ctx.actor.role, parseNumericId(args.personId, 'Person'), false),
  }),
  setCoverFace: t.field({
    type: PersonPayload,
    errors,
    args: { personId: t.arg.id({ required: true }), faceId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      setCoverFace(
        ctx.db,
        ctx.actor.role,
        parseNumericId(args.personId, 'Person'),
        parseNumericId(args.faceId, 'Face'),
      ),
  }),
}));

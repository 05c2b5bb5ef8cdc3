import { builder } from '../builder.js';
import {
  addFace,
  assignFace,
  confirmSuggestions,
  deleteFace,
  rejectSuggestion,
  removeFaceFromPerson,
} from '../domain/faces.js';
import { parseId, parseNumericId } from '../ids.js';
import { MUTATION_ERRORS } from '../types/errors.js';
import { FaceBoxInput } from '../types/face.js';
import { DeleteFacePayload, FacePayload, FacesPayload } from './payloads.js';

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => ({
  assignFace: t.field({
    type: FacePayload,
    errors,
    description: 'Gives a face to a person (personId) or to a new person (newName), confirmed.',
    args: { faceId: t.arg.id({ required: true }), personId: t.arg.id(), newName: t.arg.string() },
    resolve: (_root, args, ctx) =>
      assignFace(ctx.db, ctx.actor.role, parseNumericId(args.faceId, 'Face'), {
        personId: args.personId == null ? null : parseNumericId(args.personId, 'Person'),
        newName: args.newName,
      }),
  }),
  confirmSuggestions: t.field({
    type: FacesPayload,
    errors,
    description: 'Confirms the machine suggestions of these faces (all or nothing).',
    args: { faceIds: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx) =>
      confirmSuggestions(
        ctx.db,
        ctx.actor.role,
        args.faceIds.map((id) => parseNumericId(id, 'Face')),
      ),
  }),
  rejectSuggestion: t.field({
    type: FacePayload,
    errors,
    description: '"Not this person": clears the suggestion; it is never suggested again.',
    args: { faceId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      rejectSuggestion(ctx.db, ctx.actor.role, parseNumericId(args.faceId, 'Face')),
  }),
  removeFaceFromPerson: t.field({
    type: FacePayload,
    errors,
    args: { faceId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      removeFaceFromPerson(ctx.db, ctx.actor.role, parseNumericId(args.faceId, 'Face')),
  }),
  addFace: t.field({
    type: FacePayload,
    errors,
    description:
      'A face drawn by hand (source MANUAL), described from the box; optionally confirmed as a person.',
    args: {
      photoId: t.arg.id({ required: true }),
      box: t.arg({ type: FaceBoxInput, required: true }),
      personId: t.arg.id(),
    },
    resolve: (_root, args, ctx) =>
      addFace(
        ctx.db,
        ctx.actor.role,
        {
          photoHash: parseId(args.photoId, 'Photo'),
          box: args.box,
          personId: args.personId == null ? null : parseNumericId(args.personId, 'Person'),
        },
        ctx.describeBox,
      ),
  }),
  deleteFace: t.field({
    type: DeleteFacePayload,
    errors,
    args: { faceId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => deleteFace(ctx.db, ctx.actor.role, parseNumericId(args.faceId, 'Face')),
  }),
}));

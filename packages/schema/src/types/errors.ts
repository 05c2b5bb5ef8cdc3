import { builder } from '../builder.js';
import {
  ConfirmedFaceError,
  ForbiddenError,
  InvalidInputError,
  type KindredError,
  NameTakenError,
  NotFoundError,
  SamePhotoConflictError,
  UndoError,
} from '../domain/errors.js';
import { ImageSizeError } from '../urls.js';

/** Every typed error result of a mutation implements this. */
export const UserErrorInterface = builder.interfaceRef<KindredError>('UserError').implement({
  description: 'An expected failure of a mutation: nothing was changed.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    typename: t.exposeString('typename', {
      description: 'What was not found: Person, Face, Photo, Album, Cluster.',
    }),
    key: t.string({ resolve: (error) => String(error.key) }),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof InvalidInputError || value instanceof ImageSizeError,
  fields: () => ({}),
});

builder.objectType(SamePhotoConflictError, {
  name: 'SamePhotoConflictError',
  description: 'Two faces of one photo would be the same person.',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof SamePhotoConflictError,
  fields: (t) => ({
    photoHash: t.exposeString('photoHash'),
    personId: t.exposeInt('personId'),
    faceIds: t.exposeIntList('faceIds'),
  }),
});

builder.objectType(NameTakenError, {
  name: 'NameTakenError',
  description: 'The name belongs to another person; repeat with confirmMerge: true to merge them.',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof NameTakenError,
  fields: (t) => ({
    existingPersonId: t.exposeInt('existingPersonId'),
    requestedName: t.exposeString('requestedName'),
  }),
});

builder.objectType(ConfirmedFaceError, {
  name: 'ConfirmedFaceError',
  description: 'The face is confirmed as someone; it only moves by an explicit action on it.',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof ConfirmedFaceError,
  fields: (t) => ({ faceId: t.exposeInt('faceId') }),
});

builder.objectType(UndoError, {
  name: 'UndoError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof UndoError,
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
  fields: () => ({}),
});

/** The error results every mutation may return. */
export const MUTATION_ERRORS = [
  NotFoundError,
  InvalidInputError,
  SamePhotoConflictError,
  NameTakenError,
  ConfirmedFaceError,
  UndoError,
];

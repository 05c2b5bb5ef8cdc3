/** Domain errors: no HTTP or GraphQL in them. The schema maps each to a typed error result (plugin-errors). */
export class KindredError extends Error {}

/** Something named by id does not exist (or was merged away). */
export class NotFoundError extends KindredError {
  override name = 'NotFoundError';
  constructor(
    readonly typename: string,
    readonly key: string | number,
  ) {
    super(`${typename} ${key} not found`);
  }
}

/** An argument is malformed (bad id, empty name, box outside the image). */
export class InvalidInputError extends KindredError {
  override name = 'InvalidInputError';
}

/** Two faces of one photo would be the same person. */
export class SamePhotoConflictError extends KindredError {
  override name = 'SamePhotoConflictError';
  constructor(
    readonly photoHash: string,
    readonly personId: number,
    readonly faceIds: number[],
  ) {
    super(`photo ${photoHash.slice(0, 12)} already has a face of person ${personId}`);
  }
}

/** The name belongs to another person: naming would merge the two, which needs `confirmMerge: true`. */
export class NameTakenError extends KindredError {
  override name = 'NameTakenError';
  constructor(
    readonly existingPersonId: number,
    readonly requestedName: string,
  ) {
    super(`"${requestedName}" is already the name of another person; pass confirmMerge: true to merge them`);
  }
}

/** A confirmed face may only change through an explicit action on that face or its person. */
export class ConfirmedFaceError extends KindredError {
  override name = 'ConfirmedFaceError';
  constructor(readonly faceId: number) {
    super(`face ${faceId} is confirmed; remove it from its person first`);
  }
}

/** An undo token that is unknown, already undone, or whose state has since changed. */
export class UndoError extends KindredError {
  override name = 'UndoError';
}

/** The actor's role may not do this. */
export class ForbiddenError extends KindredError {
  override name = 'ForbiddenError';
}

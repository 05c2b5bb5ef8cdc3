import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { builder, type KindredTypes } from '../builder.js';
import { type FaceRow, personById } from '../photo-details.js';
import { faceCropUrl } from '../urls.js';
import { Cluster } from './cluster.js';
import { Person } from './person.js';

export const FaceSource = builder.enumType('FaceSource', {
  description: 'Where a face came from.',
  values: {
    DETECTED: { value: 'detected' },
    PICASA: { value: 'picasa' },
    MANUAL: { value: 'manual' },
    XMP: { value: 'xmp' },
  },
});

export const FaceState = builder.enumType('FaceState', {
  description: 'confirmed: a person said who it is; suggested: the machine guesses; unassigned: nobody yet.',
  values: {
    CONFIRMED: { value: 'confirmed' },
    SUGGESTED: { value: 'suggested' },
    UNASSIGNED: { value: 'unassigned' },
  },
});

export const FaceBox = builder
  .objectRef<{ x: number; y: number; w: number; h: number }>('FaceBox')
  .implement({
    description: 'Normalized box of the upright image: origin top-left, all values 0..1.',
    fields: (t) => ({
      x: t.exposeFloat('x'),
      y: t.exposeFloat('y'),
      w: t.exposeFloat('w'),
      h: t.exposeFloat('h'),
    }),
  });

export const FaceBoxInput = builder.inputType('FaceBoxInput', {
  description: 'Normalized box of the upright image: origin top-left, all values 0..1.',
  fields: (t) => ({
    x: t.float({ required: true }),
    y: t.float({ required: true }),
    w: t.float({ required: true }),
    h: t.float({ required: true }),
  }),
});

/**
 * One face in one photo. Its fields read only the columns the type always selects (no per-field `select`), so a
 * face row loaded with plain SQL (`photoFaces`) resolves as it is, with no drizzle fallback query.
 */
export const Face: DrizzleObjectRef<KindredTypes, 'faces', FaceRow> = builder.drizzleNode('faces', {
  name: 'Face',
  select: {
    columns: {
      id: true,
      photoHash: true,
      x: true,
      y: true,
      w: true,
      h: true,
      score: true,
      source: true,
      state: true,
      personId: true,
      clusterId: true,
      suggestionDistance: true,
      editedByUser: true,
    },
  },
  id: { column: (face) => face.id },
  fields: (t) => ({
    faceId: t.int({ description: 'Numeric id (as in image URLs).', resolve: (face) => face.id }),
    box: t.field({ type: FaceBox, resolve: (face) => ({ x: face.x, y: face.y, w: face.w, h: face.h }) }),
    score: t.float({
      nullable: true,
      description: 'Detector confidence, when detected.',
      resolve: (face) => face.score,
    }),
    source: t.field({ type: FaceSource, resolve: (face) => face.source }),
    state: t.field({ type: FaceState, resolve: (face) => face.state }),
    suggestionDistance: t.float({
      nullable: true,
      description: 'Distance to the suggested person (smaller is more alike).',
      resolve: (face) => face.suggestionDistance,
    }),
    editedByUser: t.boolean({ resolve: (face) => face.editedByUser }),
    person: t.field({
      type: Person,
      nullable: true,
      resolve: (face, _args, ctx) =>
        face.person !== undefined
          ? face.person
          : face.personId === null
            ? null
            : personById(ctx, face.personId),
    }),
    cluster: t.field({
      type: Cluster,
      nullable: true,
      resolve: (face) => (face.clusterId === null ? null : { id: face.clusterId }),
    }),
    photo: t.relation('photo'),
    cropUrl: t.string({
      args: { size: t.arg.int({ defaultValue: 192, description: 'One of 96, 192.' }) },
      resolve: (face, args) => faceCropUrl(face.id, args.size ?? 192),
    }),
  }),
});

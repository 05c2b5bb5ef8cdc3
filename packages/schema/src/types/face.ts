import type { faces } from '@kindred/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { builder, type KindredTypes } from '../builder.js';
import { faceCropUrl } from '../urls.js';

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

/** One face in one photo. */
export const Face: DrizzleObjectRef<KindredTypes, 'faces', typeof faces.$inferSelect> = builder.drizzleNode(
  'faces',
  {
    name: 'Face',
    select: {},
    id: { column: (face) => face.id },
    fields: (t) => ({
      faceId: t.exposeInt('id', { description: 'Numeric id (as in image URLs).' }),
      box: t.field({
        type: FaceBox,
        select: { columns: { x: true, y: true, w: true, h: true } },
        resolve: (face) => ({ x: face.x, y: face.y, w: face.w, h: face.h }),
      }),
      score: t.exposeFloat('score', { nullable: true, description: 'Detector confidence, when detected.' }),
      source: t.field({
        type: FaceSource,
        select: { columns: { source: true } },
        resolve: (face) => face.source,
      }),
      state: t.field({
        type: FaceState,
        select: { columns: { state: true } },
        resolve: (face) => face.state,
      }),
      suggestionDistance: t.exposeFloat('suggestionDistance', {
        nullable: true,
        description: 'Distance to the suggested person (smaller is more alike).',
      }),
      editedByUser: t.exposeBoolean('editedByUser'),
      person: t.relation('person', { nullable: true }),
      cluster: t.relation('cluster', { nullable: true }),
      photo: t.relation('photo'),
      cropUrl: t.string({
        args: { size: t.arg.int({ defaultValue: 192, description: 'One of 96, 192.' }) },
        select: { columns: { id: true } },
        resolve: (face, args) => faceCropUrl(face.id, args.size ?? 192),
      }),
    }),
  },
);

import { builder } from '../builder.js';

export interface StatsShape {
  photos: number;
  files: number;
  faces: number;
  confirmedFaces: number;
  suggestedFaces: number;
  unassignedFaces: number;
  people: number;
  namedPeople: number;
  hiddenPeople: number;
  clusters: number;
  albums: number;
  duplicateFiles: number;
  edits: number;
}

/** Counts across the library, for dashboards and nightly reports. */
export const Stats = builder.objectRef<StatsShape>('Stats').implement({
  fields: (t) => ({
    photos: t.exposeInt('photos'),
    files: t.exposeInt('files', { description: 'Present files (a photo can have several).' }),
    faces: t.exposeInt('faces'),
    confirmedFaces: t.exposeInt('confirmedFaces'),
    suggestedFaces: t.exposeInt('suggestedFaces'),
    unassignedFaces: t.exposeInt('unassignedFaces'),
    people: t.exposeInt('people', { description: 'People not merged away (named or not).' }),
    namedPeople: t.exposeInt('namedPeople'),
    hiddenPeople: t.exposeInt('hiddenPeople'),
    clusters: t.exposeInt('clusters', {
      description: 'Clusters with at least one face not confirmed as anyone.',
    }),
    albums: t.exposeInt('albums'),
    duplicateFiles: t.exposeInt('duplicateFiles', {
      description: 'Present files beyond the first of each content.',
    }),
    edits: t.exposeInt('edits', { description: 'Rows in the edit history.' }),
  }),
});

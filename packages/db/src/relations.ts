import { defineRelations } from 'drizzle-orm';
import * as schema from './schema/index.js';

export const relations = defineRelations(schema, (r) => ({
  roots: { files: r.many.files() },
  files: {
    root: r.one.roots({ from: r.files.rootId, to: r.roots.id }),
    content: r.one.contents({ from: r.files.contentHash, to: r.contents.hash }),
  },
  contents: {
    files: r.many.files(),
    photo: r.one.photos({ from: r.contents.hash, to: r.photos.hash }),
  },
  photos: {
    content: r.one.contents({ from: r.photos.hash, to: r.contents.hash }),
    files: r.many.files({ from: r.photos.hash, to: r.files.contentHash }),
    faces: r.many.faces(),
    albums: r.many.albums({
      from: r.photos.hash.through(r.albumPhotos.photoHash),
      to: r.albums.id.through(r.albumPhotos.albumId),
    }),
  },
  faces: {
    photo: r.one.photos({ from: r.faces.photoHash, to: r.photos.hash, optional: false }),
    person: r.one.people({ from: r.faces.personId, to: r.people.id }),
    cluster: r.one.clusters({ from: r.faces.clusterId, to: r.clusters.id }),
  },
  people: {
    faces: r.many.faces(),
    /** Faces a person said are this person. */
    confirmedFaces: r.many.faces({ from: r.people.id, to: r.faces.personId, where: { state: 'confirmed' } }),
    /** Faces the machine suggests are this person. */
    suggestedFaces: r.many.faces({ from: r.people.id, to: r.faces.personId, where: { state: 'suggested' } }),
    coverFace: r.one.faces({ from: r.people.coverFaceId, to: r.faces.id }),
  },
  clusters: { faces: r.many.faces() },
  albums: {
    photos: r.many.photos(),
  },
}));

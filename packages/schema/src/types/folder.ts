import { builder } from '../builder.js';

export interface FolderShape {
  path: string;
  photoCount: number;
}

/** A folder on disk holding photos directly. Its photos: `photos(filter: { folder })`. */
export const Folder = builder.objectRef<FolderShape>('Folder').implement({
  fields: (t) => ({
    path: t.exposeString('path'),
    photoCount: t.exposeInt('photoCount', { description: 'Present photo files directly in this folder.' }),
  }),
});

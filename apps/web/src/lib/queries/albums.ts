import { query } from '@/lib/graphql';
import { PHOTO_THUMB_FIELDS, type PhotoPage } from '@/lib/queries/person';
import { LIST_PAGE_SIZE } from '@/lib/queries/photo-lists';

export interface AlbumSummary {
  albumId: number;
  name: string;
  source: 'PICASA' | 'FOLDER' | 'USER';
  photoCount: number;
  photos: { nodes: { hash: string }[] };
}
export interface FolderSummary {
  path: string;
  photoCount: number;
}

const ALBUMS_PAGE = /* GraphQL */ `
  query AlbumsPage {
    albums(first: 200) { nodes { albumId name source photoCount photos(first: 1) { nodes { hash } } } }
    folders { path photoCount }
  }
`;

/** Albums (Picasa, user, folder) with a cover photo each, and the folders that hold photos. */
export function loadAlbumsPage(): Promise<{ albums: { nodes: AlbumSummary[] }; folders: FolderSummary[] }> {
  return query(ALBUMS_PAGE);
}

const ALBUM_NAMES = /* GraphQL */ `
  query AlbumNames { albums(first: 200) { nodes { albumId name source } } }
`;

/** Albums the family can add photos to (Picasa and user albums). */
export async function loadEditableAlbums(): Promise<{ albumId: number; name: string }[]> {
  const data = await query<{ albums: { nodes: { albumId: number; name: string; source: string }[] } }>(
    ALBUM_NAMES,
  );
  return data.albums.nodes.filter((a) => a.source !== 'FOLDER');
}

const ALBUM_PAGE = /* GraphQL */ `
  query AlbumPage($id: ID!, $first: Int!) {
    node(id: $id) {
      ... on Album {
        albumId name source photoCount
        photos(first: $first) { pageInfo { hasNextPage endCursor } nodes { ${PHOTO_THUMB_FIELDS} } }
      }
    }
  }
`;

export interface AlbumPageData {
  albumId: number;
  name: string;
  source: string;
  photoCount: number;
  photos: PhotoPage;
}

/** One album and the first page of its photos, or null. Relay ids are base64 of `Album:<id>`. */
export async function loadAlbum(albumId: string): Promise<AlbumPageData | null> {
  if (!/^\d{1,12}$/.test(albumId)) return null;
  const id = Buffer.from(`Album:${albumId}`).toString('base64');
  const data = await query<{ node: AlbumPageData | null }>(ALBUM_PAGE, { id, first: LIST_PAGE_SIZE });
  return data.node?.albumId ? data.node : null;
}

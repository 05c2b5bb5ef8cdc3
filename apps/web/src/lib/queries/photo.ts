import { query } from '@/lib/graphql';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface PhotoFace {
  faceId: number;
  box: Box;
  state: 'CONFIRMED' | 'SUGGESTED' | 'UNASSIGNED';
  person: { personId: number; name: string | null } | null;
}
export interface PhotoDetail {
  hash: string;
  width: number | null;
  height: number | null;
  takenAt: string | null;
  camera: string | null;
  starred: boolean;
  gps: { lat: number; lon: number } | null;
  paths: string[];
  faces: PhotoFace[];
  people: { personId: number; name: string | null }[];
  albums: { albumId: number; name: string; source: string }[];
}

const PHOTO_PAGE = /* GraphQL */ `
  query PhotoPage($id: ID!) {
    photo(id: $id) {
      hash width height takenAt camera starred paths
      gps { lat lon }
      faces { faceId box { x y w h } state person { personId name } }
      people { personId name }
      albums { albumId name source }
    }
  }
`;

/** Where a photo was opened from, so previous/next stay within that list. */
export interface PhotoContext {
  personId?: number;
  albumId?: number;
}

/** Parses `?in=person-12` / `?in=album-3`. */
export function parseContext(value: string | undefined): PhotoContext {
  const match = /^(person|album)-(\d{1,12})$/.exec(value ?? '');
  if (!match) return {};
  return match[1] === 'person' ? { personId: Number(match[2]) } : { albumId: Number(match[2]) };
}

const NEIGHBOURS = /* GraphQL */ `
  query PhotoNeighbours($id: ID!, $filter: PhotoFilter) {
    photoNeighbours(id: $id, filter: $filter) { previousHash nextHash }
  }
`;

export interface PhotoPageData {
  photo: PhotoDetail;
  previous: string | null;
  next: string | null;
}

/**
 * A photo with its faces, people, albums and files, plus the previous and next photo in the order of every
 * photo grid (date taken; undated photos first), within the person or album it was opened from.
 */
export async function loadPhotoPage(hash: string, context: PhotoContext): Promise<PhotoPageData | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const { photo } = await query<{ photo: PhotoDetail | null }>(PHOTO_PAGE, { id: hash });
  if (!photo) return null;
  const filter = {
    ...(context.personId ? { personIds: [String(context.personId)] } : {}),
    ...(context.albumId ? { albumId: String(context.albumId) } : {}),
  };
  const { photoNeighbours } = await query<{
    photoNeighbours: { previousHash: string | null; nextHash: string | null };
  }>(NEIGHBOURS, { id: hash, filter });
  return { photo, previous: photoNeighbours.previousHash, next: photoNeighbours.nextHash };
}

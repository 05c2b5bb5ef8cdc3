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
  query PhotoNeighbours($before: PhotoFilter!, $after: PhotoFilter!) {
    previous: photos(filter: $before, orderBy: TAKEN_AT_DESC, first: 1) { nodes { hash } }
    next: photos(filter: $after, orderBy: TAKEN_AT, first: 2) { nodes { hash } }
  }
`;

export interface PhotoPageData {
  photo: PhotoDetail;
  previous: string | null;
  next: string | null;
}

/** A photo with its faces, people, albums and files, plus the previous and next photo by date. */
export async function loadPhotoPage(hash: string, context: PhotoContext): Promise<PhotoPageData | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const { photo } = await query<{ photo: PhotoDetail | null }>(PHOTO_PAGE, { id: hash });
  if (!photo) return null;
  if (!photo.takenAt) return { photo, previous: null, next: null };
  const base = {
    ...(context.personId ? { personIds: [String(context.personId)] } : {}),
    ...(context.albumId ? { albumId: String(context.albumId) } : {}),
  };
  const around = await query<{
    previous: { nodes: { hash: string }[] };
    next: { nodes: { hash: string }[] };
  }>(NEIGHBOURS, {
    before: { ...base, takenTo: photo.takenAt },
    after: { ...base, takenFrom: photo.takenAt },
  });
  return {
    photo,
    previous: around.previous.nodes[0]?.hash ?? null,
    next: around.next.nodes.find((n) => n.hash !== hash)?.hash ?? null,
  };
}

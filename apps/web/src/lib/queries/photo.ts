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
  query PhotoNeighbours($before: PhotoFilter!, $same: PhotoFilter!, $after: PhotoFilter!) {
    previous: photos(filter: $before, orderBy: TAKEN_AT_DESC, first: 1) { nodes { hash } }
    same: photos(filter: $same, orderBy: TAKEN_AT, first: 200) { nodes { hash takenAt } }
    next: photos(filter: $after, orderBy: TAKEN_AT, first: 1) { nodes { hash } }
  }
`;

export interface PhotoPageData {
  photo: PhotoDetail;
  previous: string | null;
  next: string | null;
}

type Nodes<T> = { nodes: T[] };

/**
 * A photo with its faces, people, albums and files, plus the previous and next photo in (takenAt, hash) order,
 * the order of every photo grid. Photos taken at the same moment are ordered by hash.
 */
export async function loadPhotoPage(hash: string, context: PhotoContext): Promise<PhotoPageData | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const { photo } = await query<{ photo: PhotoDetail | null }>(PHOTO_PAGE, { id: hash });
  if (!photo) return null;
  const at = photo.takenAt;
  if (!at) return { photo, previous: null, next: null };
  const base = {
    ...(context.personId ? { personIds: [String(context.personId)] } : {}),
    ...(context.albumId ? { albumId: String(context.albumId) } : {}),
  };
  const end = `${at}~`; // just after every takenAt equal to (or extending) this one
  const around = await query<{
    previous: Nodes<{ hash: string }>;
    same: Nodes<{ hash: string; takenAt: string }>;
    next: Nodes<{ hash: string }>;
  }>(NEIGHBOURS, {
    before: { ...base, takenTo: at },
    same: { ...base, takenFrom: at, takenTo: end },
    after: { ...base, takenFrom: end },
  });
  const ties = around.same.nodes
    .sort((a, b) => (a.takenAt === b.takenAt ? (a.hash < b.hash ? -1 : 1) : a.takenAt < b.takenAt ? -1 : 1))
    .map((n) => n.hash);
  const index = ties.indexOf(hash);
  return {
    photo,
    previous: (index > 0 ? ties[index - 1] : around.previous.nodes[0]?.hash) ?? null,
    next: (index >= 0 && index < ties.length - 1 ? ties[index + 1] : around.next.nodes[0]?.hash) ?? null,
  };
}

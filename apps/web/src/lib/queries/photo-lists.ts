import { query } from '@/lib/graphql';
import { PHOTO_THUMB_FIELDS, type PhotoPage } from '@/lib/queries/person';

export const LIST_PAGE_SIZE = 200;

/** The browser's query for more photos of any filtered list (timeline, together, albums, folders). */
export const PHOTOS_MORE = /* GraphQL */ `
  query PhotosMore($filter: PhotoFilter, $orderBy: PhotoOrder, $first: Int!, $after: String) {
    photos(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${PHOTO_THUMB_FIELDS} }
    }
  }
`;

export type PhotoFilterInput = {
  personIds?: string[];
  albumId?: string;
  folder?: string;
  takenFrom?: string;
  takenTo?: string;
  starred?: boolean;
};

/** The first page of a filtered photo list, oldest first unless `newestFirst`. */
export async function loadPhotoList(filter: PhotoFilterInput, newestFirst = false): Promise<PhotoPage> {
  const data = await query<{ photos: PhotoPage }>(PHOTOS_MORE, {
    filter,
    orderBy: newestFirst ? 'TAKEN_AT_DESC' : 'TAKEN_AT',
    first: LIST_PAGE_SIZE,
  });
  return data.photos;
}

const YEAR_SPAN = /* GraphQL */ `
  query YearSpan {
    oldest: photos(orderBy: TAKEN_AT, filter: { takenFrom: "0" }, first: 1) { nodes { takenAt } }
    newest: photos(orderBy: TAKEN_AT_DESC, first: 1) { nodes { takenAt } }
  }
`;

/** Every year from the oldest dated photo to the newest, newest first. */
export async function loadYears(): Promise<number[]> {
  const data = await query<{
    oldest: { nodes: { takenAt: string | null }[] };
    newest: { nodes: { takenAt: string | null }[] };
  }>(YEAR_SPAN);
  const first = Number(data.oldest.nodes[0]?.takenAt?.slice(0, 4));
  const last = Number(data.newest.nodes[0]?.takenAt?.slice(0, 4));
  if (!first || !last) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
}

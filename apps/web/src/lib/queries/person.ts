import { query } from '@/lib/graphql';

export interface PhotoThumb {
  hash: string;
  /** Confirmed people, left to right: the grid's alt text names them. */
  people?: { name: string | null }[];
  takenAt: string | null;
  width: number | null;
  height: number | null;
}
export interface PhotoPage {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: PhotoThumb[];
}
export interface SuggestedFace {
  faceId: number;
  suggestionDistance: number | null;
  photo: { hash: string };
}
export interface PersonPageData {
  personId: number;
  name: string | null;
  hidden: boolean;
  photoCount: number;
  coverFace: { faceId: number } | null;
  faces: { nodes: { faceId: number }[] };
  suggestionCount: number;
  suggestions: { nodes: SuggestedFace[] };
  photos: PhotoPage;
}

export const PHOTO_THUMB_FIELDS = 'hash takenAt width height people { name }';
/** The first screenful and a bit: a small first page keeps the HTML and hydration light; the grid fetches on. */
export const PERSON_PHOTOS_PAGE_SIZE = 72;

const PERSON_PAGE = /* GraphQL */ `
  query PersonPage($id: ID!, $first: Int!) {
    person(id: $id) {
      personId name hidden photoCount
      coverFace { faceId }
      faces(first: 60) { nodes { faceId } }
      suggestionCount
      suggestions(first: 60) { nodes { faceId suggestionDistance photo { hash } } }
      photos(first: $first) {
        pageInfo { hasNextPage endCursor }
        nodes { ${PHOTO_THUMB_FIELDS} }
      }
    }
  }
`;

/** A person with the first page of their photos and the suggestions to confirm; null if unknown. */
export async function loadPersonPage(personId: string): Promise<PersonPageData | null> {
  if (!/^\d{1,12}$/.test(personId)) return null;
  const data = await query<{ person: PersonPageData | null }>(PERSON_PAGE, {
    id: personId,
    first: PERSON_PHOTOS_PAGE_SIZE,
  });
  return data.person;
}

/** The browser's query for the next page of a person's photos (the grid scrolls on without end). */
export const PERSON_PHOTOS_MORE = /* GraphQL */ `
  query PersonPhotosMore($id: ID!, $first: Int!, $after: String) {
    person(id: $id) {
      photos(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ${PHOTO_THUMB_FIELDS} }
      }
    }
  }
`;

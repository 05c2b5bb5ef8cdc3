import { query } from '@/lib/graphql';

export interface FaceRef {
  faceId: number;
}
export interface PersonSummary {
  personId: number;
  name: string | null;
  photoCount: number;
  hidden: boolean;
  coverFace: FaceRef | null;
}
export interface ClusterSummary {
  clusterId: number;
  size: number;
  faces: { nodes: FaceRef[] };
}

const PERSON_FIELDS = 'personId name photoCount hidden coverFace { faceId }';

const PEOPLE_PAGE = /* GraphQL */ `
  query PeoplePage($search: String) {
    named: people(filter: { named: true, hidden: false, search: $search }, orderBy: FACE_COUNT, first: 200) {
      totalCount
      nodes { ${PERSON_FIELDS} }
    }
    groups: people(filter: { named: false, hidden: false }, orderBy: FACE_COUNT, first: 100) {
      nodes { ${PERSON_FIELDS} }
    }
    clusters(minSize: 2, first: 100) {
      nodes { clusterId size faces(first: 1) { nodes { faceId } } }
    }
    hidden: people(filter: { hidden: true }, orderBy: NAME, first: 200) {
      nodes { ${PERSON_FIELDS} }
    }
    photos(first: 1) { totalCount }
  }
`;

export interface PeoplePageData {
  named: { totalCount: number; nodes: PersonSummary[] };
  groups: { nodes: PersonSummary[] };
  clusters: { nodes: ClusterSummary[] };
  hidden: { nodes: PersonSummary[] };
  photos: { totalCount: number };
}

/** Everything the People page shows: named people, unnamed groups largest first, hidden people. */
export function loadPeoplePage(search: string | undefined): Promise<PeoplePageData> {
  return query<PeoplePageData>(PEOPLE_PAGE, { search: search || null });
}

const PEOPLE_NAMES = /* GraphQL */ `
  query PeopleNames {
    people(filter: { named: true }, orderBy: NAME, first: 200) { nodes { personId name } }
  }
`;

/** Named people for autocomplete lists (name a group, reassign a face, merge). */
export async function loadPeopleNames(): Promise<{ personId: number; name: string }[]> {
  const data = await query<{ people: { nodes: { personId: number; name: string }[] } }>(PEOPLE_NAMES);
  return data.people.nodes;
}

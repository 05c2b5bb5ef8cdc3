import Link from 'next/link';
import type { PersonSummary } from '@/lib/queries/people';
import { FaceImage } from './face-image';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A person (or unnamed group) in the People grid: round face, name, how many photos. */
export function PersonTile(props: {
  href: string;
  name: string | null;
  faceId: number | null | undefined;
  count: number;
  unit?: string;
}) {
  const label = props.name ?? 'Who is this?';
  return (
    <li className={`person-tile${props.name ? '' : ' unknown'}`}>
      <Link href={props.href}>
        <FaceImage faceId={props.faceId} alt={props.name ?? 'Unnamed person'} />
        <span className="person-name">{label}</span>
        <span className="person-count">{plural(props.count, props.unit ?? 'photo')}</span>
      </Link>
    </li>
  );
}

/** A grid of people, each linking to their page. */
export function PeopleList({ people }: { people: PersonSummary[] }) {
  return (
    <ul className="people-grid">
      {people.map((p) => (
        <PersonTile
          key={p.personId}
          href={`/people/${p.personId}`}
          name={p.name}
          faceId={p.coverFace?.faceId}
          count={p.photoCount}
        />
      ))}
    </ul>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { FaceImage } from '@/app/_components/face-image';
import { canEdit } from '@/lib/auth';
import { loadPeopleNames } from '@/lib/queries/people';
import { loadReview } from '@/lib/queries/review';
import { NameGroup } from './_components/name-group';

export const metadata: Metadata = { title: 'Who is this?' };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ cluster?: string }> }) {
  const { cluster } = await searchParams;
  const wanted = cluster && /^\d{1,12}$/.test(cluster) ? Number(cluster) : null;
  const [review, names, editable] = await Promise.all([loadReview(wanted), loadPeopleNames(), canEdit()]);
  if (!review.current) {
    return (
      <section className="card" style={{ maxWidth: '34rem', margin: '2rem auto' }}>
        <h1>All caught up</h1>
        <p className="muted">
          Every group of similar faces has a name. New ones appear here after the next index run.
        </p>
        <Link className="btn" href="/">
          Back to People
        </Link>
      </section>
    );
  }
  return (
    <>
      <h1>Who is this?</h1>
      <p className="lede">
        Group {review.position} of {review.total} · {review.current.size} faces that look like the same person
      </p>
      {editable ? (
        <NameGroup
          key={review.current.clusterId}
          cluster={review.current}
          names={names}
          nextId={review.nextId}
        />
      ) : (
        <>
          <p className="notice">Do you know who this is? Tell someone in the family who can edit names.</p>
          <ul className="face-strip">
            {review.current.faces.nodes.map((face) => (
              <li key={face.faceId}>
                <Link href={`/photos/${face.photo.hash}`}>
                  <FaceImage faceId={face.faceId} alt="Unnamed face" size={96} />
                </Link>
              </li>
            ))}
          </ul>
          {review.nextId !== null && review.nextId !== review.current.clusterId && (
            <Link className="btn" href={`/review?cluster=${review.nextId}`}>
              Next group →
            </Link>
          )}
        </>
      )}
    </>
  );
}

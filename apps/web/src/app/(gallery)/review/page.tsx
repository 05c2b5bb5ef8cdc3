import type { Metadata } from 'next';
import Link from 'next/link';
import { loadPeopleNames } from '@/lib/queries/people';
import { loadReview } from '@/lib/queries/review';
import { NameGroup } from './_components/name-group';

export const metadata: Metadata = { title: 'Who is this?' };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ cluster?: string }> }) {
  const { cluster } = await searchParams;
  const wanted = cluster && /^\d{1,12}$/.test(cluster) ? Number(cluster) : null;
  const [review, names] = await Promise.all([loadReview(wanted), loadPeopleNames()]);
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
      <NameGroup
        key={review.current.clusterId}
        cluster={review.current}
        names={names}
        nextId={review.nextId}
      />
    </>
  );
}

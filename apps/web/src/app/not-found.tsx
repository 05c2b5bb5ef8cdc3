import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="card" style={{ maxWidth: '32rem', margin: '2rem auto' }}>
      <h1>Not found</h1>
      <p className="muted">There is nothing here. It may have been removed, or the link is wrong.</p>
      <Link className="btn" href="/">
        Back to People
      </Link>
    </section>
  );
}

import Link from 'next/link';

export default function PersonNotFound() {
  return (
    <section className="card" style={{ maxWidth: '32rem', margin: '2rem auto' }}>
      <h1>Person not found</h1>
      <p className="muted">They may have been merged into someone else or removed.</p>
      <Link className="btn" href="/">
        Back to People
      </Link>
    </section>
  );
}

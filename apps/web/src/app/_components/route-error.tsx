'use client';

/** The error state every segment shows: what went wrong, and a way to try again. */
export function RouteError({
  error,
  reset,
  what,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  what: string;
}) {
  return (
    <section className="card" role="alert" style={{ maxWidth: '36rem', margin: '2rem auto' }}>
      <h1>Could not load {what}</h1>
      <p className="muted">
        {error.digest
          ? `The server could not prepare it (reference ${error.digest}). Details are in the server log.`
          : error.message || 'Something went wrong.'}
      </p>
      <button type="button" className="btn primary" onClick={reset}>
        Try again
      </button>
    </section>
  );
}

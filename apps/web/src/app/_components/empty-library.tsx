/** Shown when the database holds no photos yet: how to index the family's folders. */
export function EmptyLibrary() {
  return (
    <section
      className="card"
      aria-labelledby="empty-title"
      style={{ maxWidth: '40rem', margin: '2rem auto' }}
    >
      <h1 id="empty-title">No photos yet</h1>
      <p>Kindred shows the photos it has indexed. Point it at the folders where your family photos live:</p>
      <pre className="notice">
        <code>kindred index ~/Pictures /mnt/photos/old-scans</code>
      </pre>
      <p className="muted">
        It finds every photo, reads Picasa names and albums, and recognises faces. Run it again any time
        (nightly is fine): only new or changed files are looked at. Then reload this page.
      </p>
    </section>
  );
}

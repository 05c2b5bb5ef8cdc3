export default function Loading() {
  return (
    <div className="photo-page" aria-busy="true">
      <p className="visually-hidden">Loading photo…</p>
      <div className="skeleton" style={{ aspectRatio: '4 / 3' }} />
    </div>
  );
}

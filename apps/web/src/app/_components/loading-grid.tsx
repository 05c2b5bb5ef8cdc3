/** Placeholder while a page's data loads: a title bar and a grid of soft tiles. */
export function LoadingGrid({ label, round = false }: { label: string; round?: boolean }) {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="visually-hidden">Loading {label}…</p>
      <div className="skeleton skeleton-title" />
      <ul className={round ? 'people-grid' : 'photo-grid'} aria-hidden="true">
        {Array.from({ length: 18 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <li key={i} className={round ? 'skeleton skeleton-round' : 'skeleton photo-cell'} />
        ))}
      </ul>
    </div>
  );
}

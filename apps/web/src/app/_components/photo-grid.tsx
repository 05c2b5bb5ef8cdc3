'use client';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { dayLabel, monthLabel } from '@/lib/dates';
import { request } from '@/lib/graphql-client';
import { photoSrcSet, photoUrl } from '@/lib/image-sizes';
import type { PhotoPage, PhotoThumb } from '@/lib/queries/person';

const GAP = 4;
const MIN_CELL = 150;
const HEADER = 44;
const PAGE = 200;

export interface MoreQuery {
  document: string;
  variables: Record<string, unknown>;
  /** Where the connection sits in the answer, e.g. ['person', 'photos']. */
  path: string[];
}

type Row = { kind: 'month'; label: string } | { kind: 'photos'; photos: PhotoThumb[] };

/** Month headers and rows of `columns` photos, in date order. */
function layoutRows(photos: PhotoThumb[], columns: number): Row[] {
  const rows: Row[] = [];
  let month = '';
  let current: PhotoThumb[] = [];
  for (const photo of photos) {
    const label = monthLabel(photo.takenAt);
    if (label !== month || current.length === columns) {
      if (current.length) rows.push({ kind: 'photos', photos: current });
      current = [];
      if (label !== month) rows.push({ kind: 'month', label });
      month = label;
    }
    current.push(photo);
  }
  if (current.length) rows.push({ kind: 'photos', photos: current });
  return rows;
}

/** "Anna, Tom and Lars" from the photo's confirmed people, or an empty string. */
function photoNames(photo: PhotoThumb): string {
  const names = (photo.people ?? []).flatMap((p) => (p.name ? [p.name] : []));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

function pick(data: unknown, path: string[]): PhotoPage | null {
  let value = data;
  for (const key of path) value = (value as Record<string, unknown> | null)?.[key];
  return (value as PhotoPage | null) ?? null;
}

/**
 * A photo grid for thousands of photos: only the rows on screen are in the DOM (window virtualiser),
 * and the next page is fetched from the API as the reader nears the end.
 */
export function PhotoGrid({
  initial,
  more,
  altPrefix,
  linkSuffix = '',
}: {
  initial: PhotoPage;
  more?: MoreQuery;
  altPrefix: string;
  linkSuffix?: string;
}) {
  const [photos, setPhotos] = useState(initial.nodes);
  const [page, setPage] = useState(initial.pageInfo);
  const [loading, setLoading] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(960);
  const [offset, setOffset] = useState(0);

  useEffect(() => {
    setPhotos(initial.nodes);
    setPage(initial.pageInfo);
  }, [initial]);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      setWidth(element.clientWidth);
      setOffset(element.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const columns = Math.max(2, Math.floor((width + GAP) / (MIN_CELL + GAP)));
  const cell = (width - GAP * (columns - 1)) / columns;
  const rows = useMemo(() => layoutRows(photos, columns), [photos, columns]);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => (rows[index]?.kind === 'month' ? HEADER : cell + GAP),
    overscan: 4,
    scrollMargin: offset,
  });
  // Row heights follow the cell size: re-measure when the grid is resized.
  const measure = virtualizer.measure;
  useEffect(() => {
    if (cell > 0) measure();
  }, [measure, cell]);

  const loadMore = useCallback(async () => {
    if (!more || loading || !page.hasNextPage) return;
    setLoading(true);
    try {
      const data = await request(more.document, { ...more.variables, first: PAGE, after: page.endCursor });
      const next = pick(data, more.path);
      if (next) {
        setPhotos((prev) => [...prev, ...next.nodes]);
        setPage(next.pageInfo);
      }
    } finally {
      setLoading(false);
    }
  }, [more, loading, page]);

  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= rows.length - 6) void loadMore();
  }, [last, rows.length, loadMore]);

  return (
    <div
      ref={box}
      className="virtual-grid"
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const style = {
          position: 'absolute' as const,
          top: 0,
          left: 0,
          width: '100%',
          transform: `translateY(${item.start - offset}px)`,
        };
        if (row.kind === 'month') {
          return (
            <h3
              key={item.key}
              className="month"
              style={{ ...style, height: HEADER, margin: 0, paddingTop: 16 }}
            >
              {row.label}
            </h3>
          );
        }
        return (
          <ul
            key={item.key}
            className="photo-row"
            style={{ ...style, gridTemplateColumns: `repeat(${columns}, ${cell}px)`, height: cell }}
          >
            {row.photos.map((photo) => (
              <li key={photo.hash} className="photo-cell">
                <Link href={`/photos/${photo.hash}${linkSuffix}`}>
                  {/* biome-ignore lint/performance/noImgElement: thumbnails come from our own immutable image route with srcset */}
                  <img
                    src={photoUrl(photo.hash, 320)}
                    srcSet={photoSrcSet(photo.hash)}
                    sizes={`${Math.ceil(cell)}px`}
                    alt={`${photoNames(photo) || altPrefix}, ${dayLabel(photo.takenAt)}`}
                    loading="lazy"
                    decoding="async"
                  />
                </Link>
              </li>
            ))}
          </ul>
        );
      })}
      {loading && (
        <p className="status muted" role="status" style={{ position: 'absolute', bottom: -32 }}>
          Loading more photos…
        </p>
      )}
    </div>
  );
}

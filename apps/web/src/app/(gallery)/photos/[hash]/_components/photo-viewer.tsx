'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ErrorStatus } from '@/app/_components/error-status';
import { photoSrcSet, photoUrl } from '@/lib/image-sizes';
import { SET_STARRED } from '@/lib/mutations';
import type { Box, PhotoDetail, PhotoFace } from '@/lib/queries/photo';
import { isTyping, useHydrated } from '@/lib/use-hydrated';
import { useMutation } from '@/lib/use-mutation';
import { FaceEditor } from './face-editor';
import { useBoxDrawing } from './use-box-drawing';

interface Props {
  photo: PhotoDetail;
  names: { personId: number; name: string }[];
  previousHref: string | null;
  nextHref: string | null;
  /** Editors and owners: star, draw and edit faces. Viewers only look. */
  editable: boolean;
}
type Editing = { kind: 'face'; face: PhotoFace } | { kind: 'new'; box: Box } | null;

function faceLabel(face: PhotoFace): string {
  if (!face.person?.name) return 'Unknown face';
  return face.state === 'SUGGESTED' ? `${face.person.name}?` : face.person.name;
}

function boxStyle(box: Box) {
  return {
    left: `${box.x * 100}%`,
    top: `${box.y * 100}%`,
    width: `${box.w * 100}%`,
    height: `${box.h * 100}%`,
  };
}

/** The photo with its face boxes: toggle (F), click a box to edit, draw a missing face, star (S), ←/→ to move. */
export function PhotoViewer({ photo, names, previousHref, nextHref, editable }: Props) {
  const router = useRouter();
  const frame = useRef<HTMLDivElement>(null);
  const [showFaces, setShowFaces] = useState(true);
  const [drawing, setDrawing] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const star = useMutation();
  const hydrated = useHydrated();
  const { handlers, draft } = useBoxDrawing(frame, drawing, (box) => {
    setDrawing(false);
    setEditing({ kind: 'new', box });
  });

  const named = photo.people.map((p) => p.name).filter(Boolean);
  const alt = named.length ? `Photo of ${named.join(', ')}` : 'Photo';
  const toggleStar = () => star.run(SET_STARRED, { photoId: photo.hash, starred: !photo.starred });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTyping(event)) return;
      if (event.key === 'ArrowLeft' && previousHref) router.push(previousHref);
      else if (event.key === 'ArrowRight' && nextHref) router.push(nextHref);
      else if (event.key === 'f') setShowFaces((v) => !v);
      else if (event.key === 's' && editable) void toggleStar();
      else if (event.key === 'Escape') {
        setEditing(null);
        setDrawing(false);
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const ratio = photo.width && photo.height ? `${photo.width} / ${photo.height}` : undefined;
  return (
    <section className="viewer" aria-label="Photo" data-ready={hydrated}>
      <div className="viewer-bar toolbar">
        <Link
          className="btn"
          href={previousHref ?? '#'}
          aria-disabled={!previousHref}
          tabIndex={previousHref ? undefined : -1}
          aria-keyshortcuts="ArrowLeft"
        >
          ← Previous
        </Link>
        <Link
          className="btn"
          href={nextHref ?? '#'}
          aria-disabled={!nextHref}
          tabIndex={nextHref ? undefined : -1}
          aria-keyshortcuts="ArrowRight"
        >
          Next →
        </Link>
        <span className="grow" />
        {editable ? (
          <button
            type="button"
            className="btn"
            aria-pressed={photo.starred}
            onClick={toggleStar}
            disabled={star.busy}
            aria-keyshortcuts="s"
          >
            {photo.starred ? '★ Starred' : '☆ Star'}
          </button>
        ) : photo.starred ? (
          <span className="muted">★ Starred</span>
        ) : null}
        <button
          type="button"
          className="btn"
          aria-pressed={showFaces}
          onClick={() => setShowFaces(!showFaces)}
          aria-keyshortcuts="f"
        >
          {showFaces ? 'Hide faces' : 'Show faces'}
        </button>
        {editable && (
          <button
            type="button"
            className="btn"
            aria-pressed={drawing}
            onClick={() => {
              setDrawing(!drawing);
              setEditing(null);
            }}
          >
            {drawing ? 'Cancel drawing' : 'Add a missed face'}
          </button>
        )}
        <a className="btn" href={`/img/photo/${photo.hash}/original`}>
          Original
        </a>
      </div>
      {drawing && (
        <p className="notice" role="status">
          Drag a box around the face on the photo.
        </p>
      )}
      <div className="viewer-stage">
        <div
          ref={frame}
          className={`viewer-frame${drawing ? ' drawing' : ''}`}
          style={{ aspectRatio: ratio }}
          data-testid="photo-frame"
          {...handlers}
        >
          {/* biome-ignore lint/performance/noImgElement: the photo comes from our own immutable image route with srcset */}
          <img
            src={photoUrl(photo.hash, 1280)}
            srcSet={photoSrcSet(photo.hash)}
            sizes="(max-width: 900px) 100vw, 70vw"
            alt={alt}
            draggable={false}
          />
          {showFaces &&
            photo.faces.map((face) => (
              <button
                key={face.faceId}
                type="button"
                className={`face-box state-${face.state.toLowerCase()}`}
                style={boxStyle(face.box)}
                onClick={() => editable && setEditing({ kind: 'face', face })}
                aria-label={editable ? `Face: ${faceLabel(face)}. Edit` : `Face: ${faceLabel(face)}`}
              >
                <span className="face-label">{faceLabel(face)}</span>
              </button>
            ))}
          {draft && <div className="face-box draft" style={boxStyle(draft)} />}
          {editing?.kind === 'new' && <div className="face-box draft" style={boxStyle(editing.box)} />}
        </div>
        {editing && (
          <FaceEditor
            key={editing.kind === 'face' ? editing.face.faceId : 'new'}
            photoHash={photo.hash}
            target={editing}
            names={names}
            onDone={() => setEditing(null)}
          />
        )}
      </div>
      <ErrorStatus message={star.error} />
      <p className="muted hint">
        Keys: <kbd>←</kbd> <kbd>→</kbd> previous/next, <kbd>F</kbd> faces, <kbd>S</kbd> star, <kbd>Esc</kbd>{' '}
        cancel.
      </p>
    </section>
  );
}

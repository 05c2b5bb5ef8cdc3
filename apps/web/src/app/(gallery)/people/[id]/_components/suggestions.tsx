'use client';
import { useEffect, useRef, useState } from 'react';
import { ErrorStatus } from '@/app/_components/error-status';
import { FaceImage } from '@/app/_components/face-image';
import { CONFIRM_SUGGESTIONS, REJECT_SUGGESTION } from '@/lib/mutations';
import type { SuggestedFace } from '@/lib/queries/person';
import { isTyping, useHydrated } from '@/lib/use-hydrated';
import { useMutation } from '@/lib/use-mutation';

/**
 * "Is this Anna?": the faces the machine suggests. Confirm all at once (Y), or reject the focused face
 * (X or Delete); arrow keys move between faces.
 */
export function Suggestions({ name, total, faces }: { name: string; total: number; faces: SuggestedFace[] }) {
  const [rejected, setRejected] = useState<Set<number>>(new Set());
  const { run, inFlight: busy, error } = useMutation();
  const list = useRef<HTMLUListElement>(null);
  const shown = faces.filter((f) => !rejected.has(f.faceId));
  const hydrated = useHydrated();

  async function reject(faceId: number, index: number) {
    if (busy) return;
    if (await run(REJECT_SUGGESTION, { faceId: String(faceId) })) {
      setRejected((prev) => new Set(prev).add(faceId));
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.suggestion');
      buttons?.[Math.min(index + 1, buttons.length - 1)]?.focus();
    }
  }
  async function confirmAll() {
    if (busy) return;
    await run(CONFIRM_SUGGESTIONS, { faceIds: shown.map((f) => String(f.faceId)) });
  }
  function onKey(event: KeyboardEvent) {
    if (isTyping(event)) return;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.suggestion') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const key = event.key.toLowerCase();
    if (key === 'y') {
      event.preventDefault();
      void confirmAll();
    } else if ((key === 'x' || key === 'delete') && index >= 0) {
      event.preventDefault();
      const face = shown[index];
      if (face) void reject(face.faceId, index);
    } else if (key === 'arrowright' || key === 'arrowleft') {
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, index + (key === 'arrowright' ? 1 : -1)))]?.focus();
    }
  }

  // Page-wide shortcuts while suggestions are shown (focus may sit anywhere on the page).
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (shown.length === 0) return null;
  return (
    <section className="card suggestions" aria-labelledby="suggest-title" data-ready={hydrated}>
      <div className="suggestions-head">
        <h2 id="suggest-title">Is this {name}?</h2>
        <span className="muted">{total} suggested</span>
        <button
          type="button"
          className="btn primary"
          onClick={confirmAll}
          aria-disabled={busy}
          aria-keyshortcuts="y"
        >
          Yes, confirm {shown.length === 1 ? 'it' : `all ${shown.length}`}
        </button>
      </div>
      <p className="muted hint">
        Click a face that is <em>not</em> {name} to reject it. Keys: <kbd>←</kbd> <kbd>→</kbd> move,{' '}
        <kbd>X</kbd> reject, <kbd>Y</kbd> confirm all.
      </p>
      <ul className="suggestion-list" ref={list}>
        {shown.map((face, index) => (
          <li key={face.faceId}>
            <button
              type="button"
              className="suggestion"
              onClick={() => reject(face.faceId, index)}
              aria-label={`Not ${name}: reject suggested face ${index + 1}`}
              aria-disabled={busy}
            >
              <FaceImage faceId={face.faceId} alt="" />
              <span className="reject-mark" aria-hidden="true">
                ✕
              </span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorStatus message={error} />
    </section>
  );
}

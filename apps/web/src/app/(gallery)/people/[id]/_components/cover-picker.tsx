'use client';
import { ErrorStatus } from '@/app/_components/error-status';
import { FaceImage } from '@/app/_components/face-image';
import { SET_COVER } from '@/lib/mutations';
import { useMutation } from '@/lib/use-mutation';

/** "Choose cover": the person's confirmed faces; the chosen one shows in People. */
export function CoverPicker({
  personId,
  name,
  faces,
  current,
}: {
  personId: number;
  name: string;
  faces: { faceId: number }[];
  current: number | null;
}) {
  const { run, busy, error } = useMutation();
  if (faces.length < 2) return null;
  return (
    <details className="cover-picker">
      <summary>Choose cover photo</summary>
      <ul className="suggestion-list">
        {faces.map((face, index) => (
          <li key={face.faceId}>
            <button
              type="button"
              className="suggestion"
              aria-pressed={face.faceId === current}
              aria-label={`Use face ${index + 1} of ${name} as cover`}
              disabled={busy}
              onClick={() => run(SET_COVER, { personId: String(personId), faceId: String(face.faceId) })}
            >
              <FaceImage faceId={face.faceId} alt="" />
            </button>
          </li>
        ))}
      </ul>
      <ErrorStatus message={error} />
    </details>
  );
}

'use client';
import { type FormEvent, useId } from 'react';
import { ErrorStatus } from '@/app/_components/error-status';
import { findByName, NamesDatalist } from '@/app/_components/names-datalist';
import {
  ADD_FACE,
  ASSIGN_FACE,
  CONFIRM_SUGGESTIONS,
  DELETE_FACE,
  REMOVE_FACE_FROM_PERSON,
} from '@/lib/mutations';
import type { Box, PhotoFace } from '@/lib/queries/photo';
import { useMutation } from '@/lib/use-mutation';

type Target = { kind: 'face'; face: PhotoFace } | { kind: 'new'; box: Box };

/**
 * The little form that opens on a face box: type a name (existing names autocomplete) to name or reassign it,
 * confirm a suggestion, remove the name, or say it is not a face. For a newly drawn box it adds the face.
 */
export function FaceEditor(props: {
  photoHash: string;
  target: Target;
  names: { personId: number; name: string }[];
  onDone: () => void;
}) {
  const { run, busy, error } = useMutation();
  const listId = useId();
  const { target, names } = props;
  const face = target.kind === 'face' ? target.face : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    const existing = findByName(names, typed);
    const who = existing ? { personId: String(existing.personId) } : typed ? { newName: typed } : {};
    let ok: unknown;
    if (face) {
      if (!typed) return;
      ok = await run(ASSIGN_FACE, { faceId: String(face.faceId), ...who });
    } else if (target.kind === 'new') {
      const added = (await run(ADD_FACE, {
        photoId: props.photoHash,
        box: target.box,
        personId: existing ? String(existing.personId) : null,
      })) as { face?: { faceId?: number } } | null;
      ok = added;
      if (added && typed && !existing && added.face?.faceId)
        ok = await run(ASSIGN_FACE, { faceId: String(added.face.faceId), newName: typed });
    }
    if (ok) props.onDone();
  }
  async function act(document: string, variables: Record<string, unknown>) {
    if (await run(document, variables)) props.onDone();
  }

  const current = face?.person?.name ?? '';
  return (
    <form
      className="face-editor card"
      onSubmit={submit}
      aria-label={face ? `Edit face ${current}` : 'Name the new face'}
    >
      <label htmlFor={`${listId}-name`}>
        {face ? (current ? 'Who is this really?' : 'Who is this?') : 'Who is in the new box?'}
      </label>
      <div className="toolbar">
        <input
          id={`${listId}-name`}
          name="name"
          type="text"
          list={listId}
          defaultValue={face?.state === 'CONFIRMED' ? current : ''}
          placeholder={current || 'Name'}
          // biome-ignore lint/a11y/noAutofocus: the form opens on the user's own click
          autoFocus
          autoComplete="off"
        />
        <NamesDatalist id={listId} names={names} />
        <button className="btn primary" type="submit" disabled={busy}>
          {face ? 'Save' : 'Add face'}
        </button>
      </div>
      {face && (
        <div className="toolbar">
          {face.state === 'SUGGESTED' && face.person && (
            <button
              type="button"
              className="btn small"
              disabled={busy}
              onClick={() => act(CONFIRM_SUGGESTIONS, { faceIds: [String(face.faceId)] })}
            >
              Yes, {face.person.name}
            </button>
          )}
          {face.person && (
            <button
              type="button"
              className="btn small"
              disabled={busy}
              onClick={() => act(REMOVE_FACE_FROM_PERSON, { faceId: String(face.faceId) })}
            >
              Remove name
            </button>
          )}
          <button
            type="button"
            className="btn small danger"
            disabled={busy}
            onClick={() => act(DELETE_FACE, { faceId: String(face.faceId) })}
          >
            Not a face
          </button>
        </div>
      )}
      <div className="toolbar">
        <button type="button" className="btn small" onClick={props.onDone}>
          Cancel
        </button>
      </div>
      <ErrorStatus message={error} />
    </form>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { ErrorStatus } from '@/app/_components/error-status';
import { FaceImage } from '@/app/_components/face-image';
import { findByName, NamesDatalist } from '@/app/_components/names-datalist';
import { ASSIGN_FACE, NAME_CLUSTER } from '@/lib/mutations';
import type { ReviewCluster } from '@/lib/queries/review';
import { useMutation } from '@/lib/use-mutation';

interface Props {
  cluster: ReviewCluster;
  names: { personId: number; name: string }[];
  nextId: number | null;
}

/** One unnamed group: untick faces that do not belong (split off), type a name (autocompleted), save — or skip. */
export function NameGroup({ cluster, names, nextId }: Props) {
  const [wrong, setWrong] = useState<Set<number>>(new Set());
  const { run, busy, error } = useMutation();
  const router = useRouter();
  const faces = cluster.faces.nodes;

  function toggle(faceId: number) {
    setWrong((prev) => {
      const next = new Set(prev);
      if (!next.delete(faceId)) next.add(faceId);
      return next;
    });
  }

  /**
   * All faces kept: the group is named in one step (an existing name joins that person).
   * Some faces unticked: only the kept faces are given the name; the others stay unnamed (split off).
   */
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (!typed) return;
    const existing = findByName(names, typed);
    const kept = faces.filter((f) => !wrong.has(f.faceId));
    if (kept.length === 0) return;
    if (wrong.size === 0) {
      const named = await run(NAME_CLUSTER, {
        clusterId: String(cluster.clusterId),
        name: existing?.name ?? typed,
        confirmMerge: Boolean(existing),
      });
      if (named) router.push('/review');
      return;
    }
    let personId = existing ? String(existing.personId) : null;
    for (const face of kept) {
      const who = personId ? { personId } : { newName: typed };
      const assigned = (await run(ASSIGN_FACE, { faceId: String(face.faceId), ...who })) as {
        face?: { person?: { personId: number } };
      } | null;
      if (!assigned) return;
      personId ??= String(assigned.face?.person?.personId ?? '');
    }
    router.push('/review');
  }

  return (
    <form className="card review" onSubmit={save}>
      <fieldset className="review-faces">
        <legend className="muted">
          Untick any face that is someone else ({faces.length - wrong.size} of {faces.length} kept)
        </legend>
        <ul className="suggestion-list">
          {faces.map((face, index) => (
            <li key={face.faceId}>
              <label className={`review-face${wrong.has(face.faceId) ? ' is-wrong' : ''}`}>
                <input
                  type="checkbox"
                  checked={!wrong.has(face.faceId)}
                  onChange={() => toggle(face.faceId)}
                  aria-label={`Face ${index + 1} belongs to this group`}
                />
                <FaceImage faceId={face.faceId} alt="" />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="toolbar review-name">
        <label htmlFor="group-name">Name</label>
        <input
          id="group-name"
          className="grow"
          name="name"
          type="text"
          list="group-names"
          placeholder="Type a name…"
          autoComplete="off"
          required
        />
        <NamesDatalist id="group-names" names={names} />
        <button className="btn primary" type="submit" disabled={busy}>
          Save name
        </button>
        {nextId !== null && nextId !== cluster.clusterId && (
          <button type="button" className="btn" onClick={() => router.push(`/review?cluster=${nextId}`)}>
            Skip
          </button>
        )}
      </div>
      <ErrorStatus message={error} />
    </form>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FaceImage } from '@/app/_components/face-image';
import { PhotoGrid } from '@/app/_components/photo-grid';
import { canEdit } from '@/lib/auth';
import { loadPeopleNames } from '@/lib/queries/people';
import { loadPersonPage, PERSON_PHOTOS_MORE } from '@/lib/queries/person';
import { CoverPicker } from './_components/cover-picker';
import { MergeUndoBanner } from './_components/merge-undo-banner';
import { PersonActions } from './_components/person-actions';
import { Suggestions } from './_components/suggestions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ undo?: string; merged?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await loadPersonPage((await params).id);
  return { title: person?.name ?? 'Who is this?' };
}

export default async function PersonPage({ params, searchParams }: Props) {
  const [{ id }, { undo, merged }] = await Promise.all([params, searchParams]);
  const [person, names, editable] = await Promise.all([loadPersonPage(id), loadPeopleNames(), canEdit()]);
  if (!person) notFound();
  const title = person.name ?? 'Who is this?';
  const others = names.filter((n) => n.personId !== person.personId);
  return (
    <>
      {undo && editable && <MergeUndoBanner token={undo} mergedName={merged ?? 'someone'} intoName={title} />}
      <div className="person-head">
        <div className="person-head-face">
          <FaceImage faceId={person.coverFace?.faceId} alt={title} size={192} />
        </div>
        <div>
          <h1>{title}</h1>
          <p className="lede">
            {person.photoCount} photos{person.hidden ? ' · hidden from People' : ''}
          </p>
          {editable && (
            <PersonActions
              personId={person.personId}
              name={person.name}
              hidden={person.hidden}
              others={others}
            />
          )}
        </div>
      </div>
      {editable && person.suggestionCount > 0 && (
        <Suggestions name={title} total={person.suggestionCount} faces={person.suggestions.nodes} />
      )}
      {editable && (
        <CoverPicker
          personId={person.personId}
          name={title}
          faces={person.faces.nodes}
          current={person.coverFace?.faceId ?? null}
        />
      )}
      <h2>Photos</h2>
      <PhotoGrid
        initial={person.photos}
        more={{
          document: PERSON_PHOTOS_MORE,
          variables: { id: String(person.personId) },
          path: ['person', 'photos'],
        }}
        altPrefix={title}
        linkSuffix={`?in=person-${person.personId}`}
      />
    </>
  );
}

import type { PhotoPage } from '@/lib/queries/person';
import { LIST_PAGE_SIZE, PHOTOS_MORE, type PhotoFilterInput } from '@/lib/queries/photo-lists';
import { PhotoGrid } from './photo-grid';

/** A PhotoGrid over a filtered `photos` list: later pages come from the same filter and order. */
export function PhotoListGrid(props: {
  photos: PhotoPage;
  filter: PhotoFilterInput;
  newestFirst?: boolean;
  altPrefix: string;
  linkSuffix?: string;
}) {
  const variables = {
    filter: props.filter,
    orderBy: props.newestFirst ? 'TAKEN_AT_DESC' : 'TAKEN_AT',
    first: LIST_PAGE_SIZE,
  };
  return (
    <PhotoGrid
      initial={props.photos}
      more={{ document: PHOTOS_MORE, variables, path: ['photos'] }}
      altPrefix={props.altPrefix}
      linkSuffix={props.linkSuffix}
    />
  );
}

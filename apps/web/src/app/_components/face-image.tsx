import { faceSrcSet, faceUrl } from '@/lib/image-sizes';

/** A round face crop (96 px, 192 px on dense screens), or a neutral placeholder when there is no face. */
export function FaceImage({
  faceId,
  alt,
  size = 96,
}: {
  faceId: number | null | undefined;
  alt: string;
  size?: number;
}) {
  if (!faceId)
    return <span className="face-round" role="img" aria-label={alt} style={{ display: 'block' }} />;
  return (
    // biome-ignore lint/performance/noImgElement: face crops come from our own immutable image route
    <img
      className="face-round"
      src={faceUrl(faceId, 96)}
      srcSet={faceSrcSet(faceId)}
      width={size}
      height={size}
      alt={alt}
      loading="lazy"
      decoding="async"
    />
  );
}

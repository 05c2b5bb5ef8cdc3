import { imageErrorResponse, imageResponse, notFoundResponse } from '@/lib/image-response';
import { PHOTO_SIZES, parseSizeFile } from '@/lib/image-sizes';
import { findIndexedPhoto } from '@/lib/indexed-content';
import { memberRoute } from '@/lib/member-route';
import { photoThumbnail, uprightOriginal } from '@/lib/thumbnails';

export const runtime = 'nodejs';

/** `/img/photo/<sha256>/<size>.webp` or `/img/photo/<sha256>/original`: only indexed, present photos. */
export const GET = memberRoute(
  async (_request: Request, context: { params: Promise<{ hash: string; file: string }> }) => {
    const { hash, file } = await context.params;
    const photo = findIndexedPhoto(hash);
    if (!photo) return notFoundResponse();
    try {
      if (file === 'original') {
        const original = await uprightOriginal(photo);
        return imageResponse(original.data, original.type);
      }
      const size = parseSizeFile(file, PHOTO_SIZES);
      if (!size) return notFoundResponse();
      return imageResponse(await photoThumbnail(photo, size), 'image/webp');
    } catch (error) {
      return imageErrorResponse(error);
    }
  },
);

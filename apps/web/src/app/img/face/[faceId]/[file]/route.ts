import { imageErrorResponse, imageResponse, notFoundResponse } from '@/lib/image-response';
import { FACE_SIZES, parseSizeFile } from '@/lib/image-sizes';
import { findIndexedFace } from '@/lib/indexed-content';
import { memberRoute } from '@/lib/member-route';
import { faceCrop } from '@/lib/thumbnails';

export const runtime = 'nodejs';

/** `/img/face/<faceId>/<96|192>.webp`: a padded square crop of an indexed face. */
export const GET = memberRoute(
  async (_request: Request, context: { params: Promise<{ faceId: string; file: string }> }) => {
    const { faceId, file } = await context.params;
    const size = parseSizeFile(file, FACE_SIZES);
    const face = /^\d{1,12}$/.test(faceId) && size ? findIndexedFace(Number(faceId)) : null;
    if (!face || !size) return notFoundResponse();
    try {
      return imageResponse(await faceCrop(face, size), 'image/webp');
    } catch (error) {
      return imageErrorResponse(error);
    }
  },
);

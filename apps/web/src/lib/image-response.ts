// private: only this member's browser may keep them (the images are behind sign-in).
const IMMUTABLE = 'private, max-age=31536000, immutable';

/** A long-lived cached image response (URLs carry content hashes, so the bytes never change). */
export function imageResponse(data: Buffer, type: string): Response {
  return new Response(new Uint8Array(data), {
    headers: { 'Content-Type': type, 'Cache-Control': IMMUTABLE, 'Content-Length': String(data.length) },
  });
}

export function notFoundResponse(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}

/** Logs the failure and answers 500 without leaking paths. */
export function imageErrorResponse(error: unknown): Response {
  console.error('image route failed:', error);
  return new Response('Image could not be made', { status: 500, headers: { 'Content-Type': 'text/plain' } });
}

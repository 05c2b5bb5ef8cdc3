/** Checks on raw requests that route handlers share: same-origin writes and where the client connects from. */

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * True when a state-changing request comes from a page of this same site (CSRF defence for cookie-authenticated
 * writes): the browser's Sec-Fetch-Site says so, and the Origin header names the host the request was sent to
 * (the Host header: Next.js may rebuild `request.url` with another host name).
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.get('origin');
  if (!origin) return site === 'same-origin';
  const host = request.headers.get('host');
  return host !== null && (origin === `http://${host}` || origin === `https://${host}`);
}

/** True when the client is on this computer (x-kindred-peer is set by bin/serve.mjs from the socket). */
export function isLocalPeer(requestHeaders: Headers): boolean {
  return LOOPBACK.has(requestHeaders.get('x-kindred-peer') ?? '');
}

export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

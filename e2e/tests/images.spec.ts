import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { rows } from './library.js';

test('thumbnails are WebP, immutable and private to the browser, the right size and at most 30 KB', async ({
  request,
}) => {
  const photos = await rows<{ hash: string; width: number; height: number }>(
    'select hash, width, height from photos order by width desc limit 5',
  );
  for (const photo of photos) {
    for (const size of [160, 320]) {
      const response = await request.get(`/img/photo/${photo.hash}/${size}.webp`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/webp');
      expect(response.headers()['cache-control']).toBe('private, max-age=31536000, immutable');
      const body = await response.body();
      expect(body.length).toBeLessThanOrEqual(30 * 1024);
      const meta = await sharp(body).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(
        Math.min(size, Math.max(photo.width, photo.height)),
      );
    }
  }
});

test('face crops are square and originals come back whole', async ({ request }) => {
  const [face] = await rows<{ id: number; hash: string; width: number; height: number }>(
    'select f.id, p.hash, p.width, p.height from faces f join photos p on p.hash = f.photo_hash order by f.id limit 1',
  );
  const crop = await request.get(`/img/face/${face?.id}/192.webp`);
  expect(crop.status()).toBe(200);
  const meta = await sharp(await crop.body()).metadata();
  expect([meta.width, meta.height]).toEqual([192, 192]);
  const original = await request.get(`/img/photo/${face?.hash}/original`);
  const full = await sharp(await original.body()).metadata();
  expect([full.width, full.height]).toEqual([face?.width, face?.height]);
});

test('only indexed content is served: bad hashes, sizes and traversal strings are 404', async ({
  request,
}) => {
  const [photo] = await rows<{ hash: string }>('select hash from photos limit 1');
  const hash = photo?.hash ?? '';
  const bad = [
    `/img/photo/${'0'.repeat(64)}/320.webp`,
    `/img/photo/${hash.toUpperCase()}/320.webp`,
    `/img/photo/${hash}/321.webp`,
    `/img/photo/${hash}/320.png`,
    `/img/photo/${hash}/..%2f..%2fetc%2fpasswd`,
    `/img/photo/${hash}/%252e%252e%252fetc%252fpasswd`,
    '/img/photo/..%2f..%2f..%2fetc%2fpasswd/320.webp',
    '/img/photo/%2e%2e%2f%2e%2e%2fetc%2fpasswd/original',
    '/img/photo/%252e%252e%252f%252e%252e%252fetc%252fpasswd/original',
    '/img/face/0/96.webp',
    '/img/face/99999999/96.webp',
    '/img/face/1/97.webp',
    '/img/face/1%2f..%2f..%2fetc%2fpasswd/96.webp',
  ];
  for (const url of bad) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect((await response.body()).toString()).not.toContain('root:');
  }
});

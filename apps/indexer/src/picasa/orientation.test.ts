import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { picasaGridFor, picasaRectToUpright } from './orientation.js';
import type { Box } from './types.js';

const W = 64;
const H = 40;
/** Stored-grid rectangle in pixels: columns 8–23, rows 4–33 (deliberately off-centre and tall). */
const px = { left: 8, top: 4, right: 24, bottom: 34 };
const storedRect = { left: px.left / W, top: px.top / H, right: px.right / W, bottom: px.bottom / H };

/** A real JPEG whose stored pixels hold a white rectangle, tagged with an EXIF orientation. */
async function orientedJpeg(orientation: number): Promise<Buffer> {
  const raw = Buffer.alloc(W * H);
  for (let y = px.top; y < px.bottom; y++) for (let x = px.left; x < px.right; x++) raw[y * W + x] = 255;
  return sharp(raw, { raw: { width: W, height: H, channels: 1 } })
    .jpeg({ quality: 100 })
    .withMetadata({ orientation })
    .toBuffer();
}

/** Where the white rectangle lands once sharp turns the image upright, as a normalized box. */
async function uprightWhiteBox(jpeg: Buffer): Promise<Box> {
  const { data, info } = await sharp(jpeg).rotate().greyscale().raw().toBuffer({ resolveWithObject: true });
  let [minX, minY, maxX, maxY] = [info.width, info.height, -1, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if ((data[y * info.width + x] ?? 0) < 128) continue;
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    }
  }
  return {
    x: minX / info.width,
    y: minY / info.height,
    w: (maxX + 1 - minX) / info.width,
    h: (maxY + 1 - minY) / info.height,
  };
}

function assertBoxClose(actual: Box, expected: Box, tolerance: number, label: string) {
  for (const k of ['x', 'y', 'w', 'h'] as const) {
    assert.ok(
      Math.abs(actual[k] - expected[k]) <= tolerance,
      `${label}: ${k} ${actual[k]} vs ${expected[k]}`,
    );
  }
}

describe('picasaRectToUpright', () => {
  for (let orientation = 1; orientation <= 8; orientation++) {
    test(`orientation ${orientation}: a stored-grid rect lands where sharp puts the pixels`, async () => {
      const expected = await uprightWhiteBox(await orientedJpeg(orientation));
      const mapped = picasaRectToUpright(storedRect, orientation, 'stored');
      assertBoxClose(mapped, expected, 1.5 / Math.min(W, H), `orientation ${orientation}`);
    });
    test(`orientation ${orientation}: a displayed-grid rect (JPEG, PNG) is used as it is`, () => {
      const box = picasaRectToUpright(storedRect, orientation, 'displayed');
      assertBoxClose(
        box,
        {
          x: storedRect.left,
          y: storedRect.top,
          w: storedRect.right - storedRect.left,
          h: storedRect.bottom - storedRect.top,
        },
        1e-12,
        `orientation ${orientation}`,
      );
    });
  }

  test('unknown orientations count as 1 and values are clamped', () => {
    const box = picasaRectToUpright({ left: -0.5, top: 0.2, right: 1.5, bottom: 0.4 }, 99, 'stored');
    assertBoxClose(box, { x: 0, y: 0.2, w: 1, h: 0.2 }, 1e-12, 'clamped');
  });

  test('camera-RAW files use the stored grid, ordinary images the displayed one', () => {
    assert.equal(picasaGridFor('P7025200.ORF'), 'stored');
    assert.equal(picasaGridFor('img.nef'), 'stored');
    assert.equal(picasaGridFor('IMG_0001.JPG'), 'displayed');
    assert.equal(picasaGridFor('scan.png'), 'displayed');
    assert.equal(picasaGridFor('noextension'), 'displayed');
  });
});

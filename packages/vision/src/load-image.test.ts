import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import sharp from 'sharp';
import { loadImage } from './load-image.js';
import { ImageError, type ImageErrorCode, type LoadedImage } from './types.js';

const skip = skipWithoutTestData();
const photo = (path: string) => join(skip ? '' : requireTestData(), 'faces', path);

function meanAbsDiff(a: LoadedImage, b: LoadedImage): number {
  assert.equal(a.pixels.length, b.pixels.length);
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++)
    sum += Math.abs((a.pixels[i] as number) - (b.pixels[i] as number));
  return sum / a.pixels.length;
}

/** A real PNG made by sharp whose header then claims 100 000 × 100 000 pixels (a decompression bomb). */
async function pngBomb(): Promise<Buffer> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  const ihdr = png.indexOf('IHDR');
  png.writeUInt32BE(100_000, ihdr + 4);
  png.writeUInt32BE(100_000, ihdr + 8);
  png.writeUInt32BE(crc32(png.subarray(ihdr, ihdr + 17)), ihdr + 17);
  return png;
}

describe('loadImage', { skip }, () => {
  const tmp = tempDir('kindred-vision-');
  let original: LoadedImage;
  before(async () => {
    original = await loadImage(photo('face_recognition/barack_obama/obama.jpg'), { maxSide: 400 });
  });
  after(() => tmp.cleanup());

  test('decodes a JPEG to upright RGB within maxSide, reporting the original size', async () => {
    const image = await loadImage(photo('compreface/sample_images/000_5.jpg'), { maxSide: 640 });
    const meta = await sharp(photo('compreface/sample_images/000_5.jpg')).metadata();
    assert.equal(image.width, meta.width);
    assert.equal(image.height, meta.height);
    assert.equal(Math.max(image.scaledWidth, image.scaledHeight), 640);
    assert.equal(image.pixels.length, image.scaledWidth * image.scaledHeight * 3);
  });

  test('never upscales a small image', async () => {
    const image = await loadImage(photo('face-api.js/characters/amy/amy1.png'), { maxSide: 1024 });
    assert.equal(image.scaledWidth, image.width);
  });

  test('RGBA PNG comes out as the same RGB picture as its JPEG', async () => {
    const rgba = await loadImage(photo('face_recognition/barack_obama/obama2_32bit_rgba.png'), {
      maxSide: 400,
    });
    const jpeg = await loadImage(photo('face_recognition/barack_obama/obama2.jpg'), { maxSide: 400 });
    assert.ok(meanAbsDiff(rgba, jpeg) < 6);
  });

  test('grayscale JPEG becomes 3 equal channels', async () => {
    const image = await loadImage(photo('opencv-course/madonna/val_04.jpg'));
    for (let i = 0; i < image.pixels.length; i += 3001 * 3) {
      assert.equal(image.pixels[i], image.pixels[i + 1]);
      assert.equal(image.pixels[i], image.pixels[i + 2]);
    }
  });

  test('16-bit PNG, palette PNG and WebP decode to the same picture', async () => {
    const source = sharp(photo('face_recognition/barack_obama/obama.jpg'));
    const variants = {
      '16bit.png': source.clone().toColourspace('rgb16').png(),
      'palette.png': source.clone().png({ palette: true }),
      'photo.webp': source.clone().webp({ quality: 90 }),
    };
    for (const [name, pipeline] of Object.entries(variants)) {
      await pipeline.toFile(join(tmp.path, name));
      const image = await loadImage(join(tmp.path, name), { maxSide: 400 });
      assert.ok(meanAbsDiff(image, original) < 8, name);
    }
  });

  test('CMYK JPEG decodes to RGB', async () => {
    const file = join(tmp.path, 'cmyk.jpg');
    await sharp(photo('face_recognition/barack_obama/obama.jpg')).toColourspace('cmyk').jpeg().toFile(file);
    assert.equal((await sharp(file).metadata()).space, 'cmyk');
    const image = await loadImage(file, { maxSide: 400 });
    assert.equal(image.pixels.length, original.pixels.length);
    assert.ok(meanAbsDiff(image, original) < 40);
  });

  test('animated GIF gives its first frame', async () => {
    const first = await sharp(photo('face_recognition/barack_obama/obama.jpg')).resize(400).png().toBuffer();
    const second = await sharp(first).negate().png().toBuffer();
    const file = join(tmp.path, 'anim.gif');
    await sharp([first, second], { join: { animated: true } })
      .gif()
      .toFile(file);
    const image = await loadImage(file, { maxSide: 400 });
    const firstFrame = await loadImage(first, { maxSide: 400 });
    assert.ok(meanAbsDiff(image, firstFrame) < 20);
  });

  test('applies EXIF orientation: upright size and orientation tag', async () => {
    const image = await loadImage(photo('orientation/portrait_o6.jpg'));
    assert.deepEqual([image.width, image.height, image.orientation], [532, 800, 6]);
    assert.deepEqual([image.scaledWidth, image.scaledHeight], [532, 800]);
  });

  describe('bad input gives a typed ImageError', () => {
    const expectError = async (input: string | Buffer, code: ImageErrorCode) => {
      await assert.rejects(loadImage(input), (error: unknown) => {
        assert.ok(error instanceof ImageError, String(error));
        assert.equal(error.code, code, error.message);
        return true;
      });
    };
    const file = (name: string, bytes: Buffer | string) => {
      writeFileSync(join(tmp.path, name), bytes);
      return join(tmp.path, name);
    };

    test('zero bytes → empty', () => expectError(file('zero.jpg', ''), 'empty'));
    test('text named .jpg → unreadable', () => expectError(file('notes.jpg', 'not a photo\n'), 'unreadable'));
    test('missing file → unreadable', () => expectError(join(tmp.path, 'missing.jpg'), 'unreadable'));
    test('truncated JPEG → corrupt', () => {
      const bytes = readFileSync(photo('face_recognition/barack_obama/obama.jpg'));
      return expectError(file('half.jpg', bytes.subarray(0, bytes.length / 2)), 'corrupt');
    });
    test('1×1 and 1×300 images → too-small', async () => {
      for (const [width, height] of [
        [1, 1],
        [1, 300],
      ] as const) {
        const png = await sharp({ create: { width, height, channels: 3, background: '#000' } })
          .png()
          .toBuffer();
        await expectError(png, 'too-small');
      }
    });
    test('PNG bomb (100 000² header) → too-large, without decoding', async () => {
      await expectError(file('bomb.png', await pngBomb()), 'too-large');
    });
    test('HEIC → unsupported', () =>
      expectError(
        file('photo.heic', Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1')),
        'unsupported',
      ));
    test('camera RAW → unsupported', () => expectError(file('IMG_0001.CR2', 'raw'), 'unsupported'));
  });
});

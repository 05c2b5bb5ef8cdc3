import assert from 'node:assert/strict';
import { openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { requireTestData, skipWithoutTestData } from '@kindred/testing';
import { detectKind, KIND_HEAD_BYTES } from './kind.js';

function head(path: string): Buffer {
  const buffer = Buffer.alloc(KIND_HEAD_BYTES);
  const read = readSync(openSync(path, 'r'), buffer, 0, KIND_HEAD_BYTES, 0);
  return buffer.subarray(0, read);
}

it('real photos are images by their bytes, whatever their name says', { skip: skipWithoutTestData() }, () => {
  const dir = join(requireTestData(), 'faces', 'lfw');
  const photos = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /\.(jpe?g|png)$/i.test(name),
  );
  assert.ok(photos.length > 10);
  for (const name of photos) assert.equal(detectKind(head(join(dir, name)), 'renamed.txt'), 'image', name);
});

it('recognises video containers by signature and falls back to the extension', () => {
  const mp4 = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypmp42'), 0, 0, 0, 0]);
  const heic = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0]);
  assert.equal(detectKind(mp4, 'clip.bin'), 'video');
  assert.equal(detectKind(heic, 'IMG_0001.HEIC'), 'image');
  assert.equal(detectKind(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), 'x'), 'video');
  assert.equal(detectKind(Buffer.from([0x47, 0x40, 0x11]), '00001.MTS'), 'video');
  assert.equal(detectKind(Buffer.from('hello'), 'notes.txt'), 'other');
  assert.equal(detectKind(Buffer.alloc(0), 'empty.jpg'), 'image');
});

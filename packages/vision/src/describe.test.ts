import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { requireTestData, skipWithoutTestData } from '@kindred/testing';
import { analyzePhoto } from './analyze.js';
import { faceApi, tfOf } from './backend.js';
import { describeFaces } from './describe.js';
import { detectFaces } from './detect.js';
import { faceDistance } from './distance.js';
import { loadImage } from './load-image.js';

const skip = skipWithoutTestData();
const photo = (path: string) => join(skip ? '' : requireTestData(), 'faces', path);

describe('detectFaces + describeFaces (in process)', { skip }, () => {
  test('ssd and tiny each find the face in a portrait, at about the same place', async () => {
    const image = await loadImage(photo('face_recognition/joe_biden/biden.jpg'));
    const [ssd] = await detectFaces(image, { detector: 'ssd' });
    const [tiny] = await detectFaces(image, { detector: 'tiny' });
    assert.ok(ssd && tiny);
    // tiny draws a looser box than ssd; each box's centre lies inside the other.
    for (const [a, b] of [
      [ssd.box, tiny.box],
      [tiny.box, ssd.box],
    ] as const) {
      const cx = a.x + a.w / 2;
      const cy = a.y + a.h / 2;
      assert.ok(cx > b.x && cx < b.x + b.w && cy > b.y && cy < b.y + b.h);
    }
  });

  test('describes a box from elsewhere (a looser, Picasa-style rectangle) like the detected one', async () => {
    const image = await loadImage(photo('face_recognition/barack_obama/obama.jpg'));
    const [found] = await detectFaces(image);
    assert.ok(found);
    const { x, y, w, h } = found.box;
    const loose = { x: x - w * 0.1, y: y - h * 0.15, w: w * 1.2, h: h * 1.25 };
    const [fromDetector, fromPicasa] = await describeFaces(image, [found.box, loose]);
    assert.ok(fromDetector && fromPicasa);
    assert.equal(fromPicasa.box, loose);
    assert.equal(fromPicasa.landmarks.length, 68);
    assert.equal(fromPicasa.descriptor.length, 128);
    const nose = fromPicasa.landmarks[30];
    assert.ok(
      nose && nose.x > x && nose.x < x + w && nose.y > y && nose.y < y + h,
      'nose tip inside the face',
    );
    assert.ok(faceDistance(fromDetector.descriptor, fromPicasa.descriptor) < 0.3);
  });

  test('a box with no area is left out instead of failing', async () => {
    const image = await loadImage(photo('face_recognition/barack_obama/obama.jpg'));
    assert.deepEqual(await describeFaces(image, [{ x: 0.5, y: 0.5, w: 0, h: 0 }]), []);
  });

  test('RGBA PNG and grayscale inputs give the same person as their colour JPEG', async () => {
    const [jpeg] = (await analyzePhoto(photo('face_recognition/barack_obama/obama2.jpg'))).faces;
    const [rgba] = (await analyzePhoto(photo('face_recognition/barack_obama/obama2_32bit_rgba.png'))).faces;
    assert.ok(jpeg && rgba);
    assert.ok(faceDistance(jpeg.descriptor, rgba.descriptor) < 0.1);
    const grey = await analyzePhoto(photo('opencv-course/madonna/val_04.jpg'));
    assert.equal(grey.faces.length, 1);
  });

  test('analyzePhoto describes knownBoxes too and reports the pipeline and backend', async () => {
    const box = { x: 0.3, y: 0.2, w: 0.3, h: 0.4 };
    const result = await analyzePhoto(photo('face_recognition/barack_obama/obama.jpg'), {
      knownBoxes: [box],
    });
    assert.equal(result.known.length, 1);
    assert.equal(result.known[0]?.box, box);
    assert.match(result.pipeline, /det=auto,max=1024/);
    assert.ok(['wasm', 'tensorflow', 'tensorflow-gpu', 'cpu'].includes(result.backend));
  });

  test('no tensors leak: tfjs tensor count is unchanged after many photos', async () => {
    const tf = tfOf(await faceApi());
    await analyzePhoto(photo('compreface/sample_images/011_3.jpg'));
    const before = tf.memory().numTensors;
    for (const path of ['compreface/sample_images/011_3.jpg', 'face-api.js/characters/amy/amy1.png']) {
      for (let i = 0; i < 4; i++)
        await analyzePhoto(photo(path), { knownBoxes: [{ x: 0, y: 0, w: 0.5, h: 0.5 }] });
    }
    assert.equal(tf.memory().numTensors, before);
  });
});

test('faceDistance: Euclidean, optional per-dimension weights', () => {
  assert.equal(faceDistance([0, 0], [3, 4]), 5);
  assert.equal(faceDistance([0, 0], [3, 4], [1, 0]), 3);
  assert.throws(() => faceDistance([0], [0, 1]), /lengths differ/);
});

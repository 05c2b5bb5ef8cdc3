import { type FaceApi, faceApi } from './backend.js';
import { imageTensor } from './detect.js';
import type { Box, DescribedFace, LoadedImage } from './types.js';

type Tensor3D = ReturnType<typeof imageTensor>;

/** Pixel rectangle of a normalized box in the scaled image, clipped and floored like face-api crops. */
function pixelRect(faceapi: FaceApi, image: LoadedImage, box: Box) {
  const W = image.scaledWidth;
  const H = image.scaledHeight;
  const x = Math.floor(Math.max(0, box.x * W));
  const y = Math.floor(Math.max(0, box.y * H));
  const right = Math.min(W, (box.x + box.w) * W);
  const bottom = Math.min(H, (box.y + box.h) * H);
  return new faceapi.Rect(x, y, Math.floor(right - x), Math.floor(bottom - y));
}

async function crop(faceapi: FaceApi, tensor: Tensor3D, rect: InstanceType<FaceApi['Rect']>) {
  const [face] = await faceapi.extractFaceTensors(tensor as never, [rect]);
  if (!face) throw new Error('empty face crop');
  return face;
}

async function describeOne(
  faceapi: FaceApi,
  image: LoadedImage,
  tensor: Tensor3D,
  box: Box,
): Promise<DescribedFace | null> {
  const rect = pixelRect(faceapi, image, box);
  if (rect.width < 2 || rect.height < 2) return null;
  const face = await crop(faceapi, tensor, rect);
  let landmarks: InstanceType<FaceApi['FaceLandmarks68']>;
  try {
    const found = await faceapi.nets.faceLandmark68Net.detectLandmarks(face as never);
    landmarks = (Array.isArray(found) ? found[0] : found) as typeof landmarks;
  } finally {
    face.dispose();
  }
  const shifted = landmarks.shiftBy<typeof landmarks>(rect.x, rect.y);
  const aligned = await crop(faceapi, tensor, shifted.align(null, { useDlibAlignment: true }));
  let descriptor: Float32Array;
  try {
    const computed = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(aligned as never);
    descriptor = (Array.isArray(computed) ? computed[0] : computed) as Float32Array;
  } finally {
    aligned.dispose();
  }
  return {
    box,
    landmarks: shifted.positions.map((p) => ({ x: p.x / image.scaledWidth, y: p.y / image.scaledHeight })),
    descriptor,
  };
}

/**
 * 68 landmarks and a 128-D descriptor for each box (normalized, upright image) — detector output or boxes
 * from elsewhere, such as a Picasa rectangle the detector missed. A box too small to crop (under 2 px in the
 * scaled image) is left out, so the result may be shorter than `boxes`; each result carries its box.
 */
export async function describeFaces(image: LoadedImage, boxes: Box[]): Promise<DescribedFace[]> {
  if (boxes.length === 0) return [];
  const faceapi = await faceApi();
  const tensor = imageTensor(faceapi, image);
  try {
    const described: DescribedFace[] = [];
    for (const box of boxes) {
      const face = await describeOne(faceapi, image, tensor, box);
      if (face) described.push(face);
    }
    return described;
  } finally {
    tensor.dispose();
  }
}

import { type FaceApi, faceApi, tfOf } from './backend.js';
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

/** Input side of the recognition net. */
const DESCRIPTOR_INPUT = 150;

/**
 * A face crop larger than the net's input, shrunk to fit with 2×2 averaging (bilinear alone aliases, which
 * made large and small copies of one photo disagree). Smaller crops are returned as they are.
 */
function shrinkForDescriptor(faceapi: FaceApi, face: Tensor3D): Tensor3D {
  const [h = 0, w = 0] = face.shape;
  const long = Math.max(h, w);
  if (long <= DESCRIPTOR_INPUT) return face;
  const tf = tfOf(faceapi);
  const scale = (2 * DESCRIPTOR_INPUT) / long;
  return tf.tidy(() => {
    const twice = tf.image.resizeBilinear(face as never, [
      Math.max(2, Math.round(h * scale)),
      Math.max(2, Math.round(w * scale)),
    ]);
    return tf.avgPool(twice as never, 2, 2, 'valid') as never;
  });
}

type Landmarks = InstanceType<FaceApi['FaceLandmarks68']>;
type Rect = InstanceType<FaceApi['Rect']>;

/** 68 landmarks of the face in `rect`, in scaled-image pixels. */
async function landmarksIn(faceapi: FaceApi, tensor: Tensor3D, rect: Rect): Promise<Landmarks> {
  const face = await crop(faceapi, tensor, rect);
  try {
    const found = await faceapi.nets.faceLandmark68Net.detectLandmarks(face as never);
    return ((Array.isArray(found) ? found[0] : found) as Landmarks).shiftBy<Landmarks>(rect.x, rect.y);
  } finally {
    face.dispose();
  }
}

function clipRect(
  faceapi: FaceApi,
  image: LoadedImage,
  r: { x: number; y: number; width: number; height: number },
) {
  return pixelRect(faceapi, image, {
    x: r.x / image.scaledWidth,
    y: r.y / image.scaledHeight,
    w: r.width / image.scaledWidth,
    h: r.height / image.scaledHeight,
  });
}

async function descriptorOf(faceapi: FaceApi, face: Tensor3D): Promise<Float32Array> {
  const computed = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(face as never);
  return (Array.isArray(computed) ? computed[0] : computed) as Float32Array;
}

async function describeOne(
  faceapi: FaceApi,
  image: LoadedImage,
  tensor: Tensor3D,
  box: Box,
): Promise<DescribedFace | null> {
  const rect = pixelRect(faceapi, image, box);
  if (rect.width < 2 || rect.height < 2) return null;
  // Landmarks twice: the second pass sees the face framed by the first pass's landmarks, the same way
  // whatever box it came from (ssd, tiny, a hand-drawn rectangle), so descriptors agree better.
  const rough = await landmarksIn(faceapi, tensor, rect);
  const reframed = clipRect(faceapi, image, rough.align());
  const shifted =
    reframed.width < 2 || reframed.height < 2 ? rough : await landmarksIn(faceapi, tensor, reframed);
  const aligned = await crop(faceapi, tensor, shifted.align(null, { useDlibAlignment: true }));
  const input = shrinkForDescriptor(faceapi, aligned);
  let descriptor: Float32Array;
  try {
    descriptor = await descriptorOf(faceapi, input);
  } finally {
    aligned.dispose();
    input.dispose();
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

import { describeFaces, loadImage } from '@kindred/vision';
import type { DescribeBox } from './context.js';

/**
 * Describes a face drawn by hand (68 landmarks + 128-D descriptor of its box) with the vision package,
 * in this process. Models load on the first call only.
 */
export const describeBoxWithVision: DescribeBox = async (photoPath, box) => {
  const image = await loadImage(photoPath);
  const [face] = await describeFaces(image, [box]);
  if (!face) throw new Error('the box could not be described');
  return { descriptor: face.descriptor, landmarks: face.landmarks.flatMap((p) => [p.x, p.y]) };
};

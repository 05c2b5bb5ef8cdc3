/** Float32 vectors (descriptors, landmarks) as little-endian BLOBs. */
export function vectorToBlob(vector: ArrayLike<number>): Buffer {
  const array = Float32Array.from(vector as ArrayLike<number>);
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

export function blobToVector(blob: Buffer | Uint8Array): Float32Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float32Array(copy.buffer);
}

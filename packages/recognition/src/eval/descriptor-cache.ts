import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A face box, normalized {x, y, w, h} of the upright image, top-left origin (as @kindred/vision). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Descriptors of the requested boxes of one photo, in order (empty with `error` when unreadable). */
export interface CachedPhoto {
  descriptors: Float32Array[];
  error?: string;
}

export interface DescribeJob {
  path: string;
  boxes: Box[];
}

/**
 * The built code that turns a photo and a box into a descriptor (decoding, cropping, landmarks, alignment).
 * Keyed by its text, not by the pipeline's revision: a change that forgot to bump the revision once left the
 * cache serving the previous code's descriptors.
 */
const DESCRIBE_CODE = ['describe.js', 'detect.js', 'load-image.js'];

function describeCodeHash(): string {
  const dist = dirname(fileURLToPath(import.meta.resolve('@kindred/vision')));
  const hash = createHash('sha256');
  for (const file of DESCRIBE_CODE) hash.update(readFileSync(join(dist, file)));
  return hash.digest('hex').slice(0, 12);
}

/** The cache folder: `KINDRED_EVAL_CACHE`, default `~/.cache/kindred-eval`. */
export function cacheDir(): string {
  return process.env.KINDRED_EVAL_CACHE ?? join(homedir(), '.cache', 'kindred-eval');
}

function cacheFile(pipeline: string, job: DescribeJob): string {
  const file = createHash('sha256').update(readFileSync(job.path)).digest('hex');
  const boxes = createHash('sha256').update(JSON.stringify(job.boxes)).digest('hex').slice(0, 16);
  const pipe = createHash('sha256').update(pipeline).digest('hex').slice(0, 12);
  return join(cacheDir(), pipe, `${file}-${boxes}.json`);
}

const toBase64 = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
const fromBase64 = (s: string) => {
  const b = Buffer.from(s, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

function readEntry(file: string): CachedPhoto {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { d: string[]; error?: string };
  return { descriptors: raw.d.map(fromBase64), ...(raw.error ? { error: raw.error } : {}) };
}

function writeEntry(file: string, photo: CachedPhoto) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify({ d: photo.descriptors.map(toBase64), error: photo.error }));
  renameSync(`${file}.tmp`, file);
}

/**
 * Descriptors of the given boxes (the truth files' detector boxes) by @kindred/vision's
 * `describeFaces`, computed once and cached by file hash + boxes + pipeline version.
 * `shard` = [i, n] describes only every n-th missing job (to fill the cache from n processes).
 */
export async function describePhotos(
  jobs: DescribeJob[],
  options: { shard?: [number, number]; log?: (line: string) => void } = {},
): Promise<Map<string, CachedPhoto>> {
  const vision = await import('@kindred/vision');
  // Descriptors of given boxes depend on the models and the code that crops, aligns and describes, not on
  // detector settings: the models' part of the pipeline version and a hash of that code key the cache.
  const version = vision.pipelineVersion();
  const pipeline = `${version.split(';')[0]};${describeCodeHash()};truth-boxes`;
  const result = new Map<string, CachedPhoto>();
  const missing: { job: DescribeJob; file: string }[] = [];
  for (const job of jobs) {
    const file = cacheFile(pipeline, job);
    if (existsSync(file)) result.set(job.path, readEntry(file));
    else missing.push({ job, file });
  }
  const [part, parts] = options.shard ?? [0, 1];
  const mine = missing.filter((_, i) => i % parts === part);
  if (mine.length > 0) options.log?.(`describing ${mine.length} photos (cache: ${cacheDir()})`);
  let done = 0;
  for (const { job, file } of mine) {
    let photo: CachedPhoto;
    try {
      const image = await vision.loadImage(job.path);
      const faces = await vision.describeFaces(image, job.boxes);
      photo = { descriptors: faces.map((f) => Float32Array.from(f.descriptor)) };
    } catch (error) {
      photo = { descriptors: [], error: (error as Error).message };
    }
    writeEntry(file, photo);
    result.set(job.path, photo);
    if (++done % 100 === 0) options.log?.(`  ${done}/${mine.length}`);
  }
  return result;
}

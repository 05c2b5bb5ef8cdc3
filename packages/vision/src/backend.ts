import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BackendName } from './types.js';

/** The face-api module (all builds share the same API; they differ in which tfjs binding they require). */
export type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js');
/** face-api's bundled tfjs, typed as the full tfjs API it is. */
export type Tfjs = typeof import('@tensorflow/tfjs');

export function tfOf(faceapi: FaceApi): Tfjs {
  return faceapi.tf as unknown as Tfjs;
}

export interface BackendInfo {
  name: BackendName;
  /** wasm only: whether the SIMD build runs. */
  simd?: boolean;
  /** Why this backend was chosen (and why better ones were not). */
  reason: string;
}

interface Loaded {
  faceapi: FaceApi;
  info: BackendInfo;
}

const require = createRequire(import.meta.url);

const BUILDS: Record<BackendName, string> = {
  'tensorflow-gpu': '@vladmandic/face-api/dist/face-api.node-gpu.js',
  tensorflow: '@vladmandic/face-api/dist/face-api.node.js',
  wasm: '@vladmandic/face-api/dist/face-api.node-wasm.js',
  cpu: '@vladmandic/face-api/dist/face-api.node-wasm.js',
};
const AUTO_ORDER: BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm'];

/** Folder of the model weights shipped in the face-api npm package. */
export const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');

let loading: Promise<Loaded> | undefined;

/** `KINDRED_BACKEND` when set (validated), else undefined for automatic choice. */
export function forcedBackend(value = process.env.KINDRED_BACKEND): BackendName | undefined {
  if (value === undefined || value === '') return undefined;
  if (value in BUILDS) return value as BackendName;
  throw new Error(`KINDRED_BACKEND must be one of ${Object.keys(BUILDS).join(', ')}; got '${value}'`);
}

const BINDINGS: Partial<Record<BackendName, string>> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
};

/**
 * tfjs-node(-gpu) can be in node_modules without its native library (an install whose download failed, or
 * whose install script npm did not run). Loading such a package half-registers its kernels and floods the
 * log, so check for the binding file first.
 */
function checkNativeBinding(name: BackendName): void {
  const pkg = BINDINGS[name];
  if (!pkg) return;
  const root = dirname(require.resolve(`${pkg}/package.json`));
  const lib = join(root, 'lib');
  const found =
    existsSync(lib) &&
    readdirSync(lib).some(
      (dir) => dir.startsWith('napi-v') && existsSync(join(lib, dir, 'tfjs_binding.node')),
    );
  if (!found) throw new Error(`${pkg} is installed without its native library (libtensorflow)`);
}

async function tryBackend(name: BackendName): Promise<FaceApi> {
  checkNativeBinding(name);
  const faceapi = require(BUILDS[name]) as FaceApi;
  const tfName = name === 'tensorflow-gpu' ? 'tensorflow' : name;
  const tf = tfOf(faceapi);
  if (!(await tf.setBackend(tfName))) throw new Error(`tfjs backend '${tfName}' did not initialise`);
  await tf.ready();
  return faceapi;
}

function why(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'MODULE_NOT_FOUND') return 'not installed';
  return (e.message ?? String(error)).split('\n')[0] ?? 'failed';
}

async function loadBackend(): Promise<Loaded> {
  const forced = forcedBackend();
  const skipped: string[] = [];
  for (const name of forced ? [forced] : AUTO_ORDER) {
    try {
      const faceapi = await tryBackend(name);
      const simd =
        name === 'wasm' ? Boolean(await tfOf(faceapi).env().getAsync('WASM_HAS_SIMD_SUPPORT')) : undefined;
      const reason = forced
        ? `forced by KINDRED_BACKEND=${forced}`
        : [...skipped, `${name}: chosen`].join('; ');
      await loadModels(faceapi);
      return { faceapi, info: { name, ...(simd === undefined ? {} : { simd }), reason } };
    } catch (error) {
      if (forced) throw new Error(`KINDRED_BACKEND=${forced} cannot run: ${why(error)}`);
      skipped.push(`${name}: ${why(error)}`);
    }
  }
  throw new Error(`no tfjs backend could start (${skipped.join('; ')})`);
}

async function loadModels(faceapi: FaceApi): Promise<void> {
  await Promise.all([
    faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir),
    faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir),
    faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir),
    faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir),
  ]);
}

/**
 * The face-api module on the chosen backend with all models loaded. Runs once per process or worker
 * thread, on first use (never at import): tensorflow-gpu → tensorflow → wasm; pure-JS cpu only when forced.
 */
export function faceApi(): Promise<FaceApi> {
  loading ??= loadBackend();
  return loading.then((l) => l.faceapi);
}

/** Which backend runs, and why; loads it if needed. */
export async function backendInfo(): Promise<BackendInfo> {
  loading ??= loadBackend();
  return (await loading).info;
}

import type { AnalyzedPhoto, AnalyzeOptions } from './analyze.js';
import type { BackendInfo } from './backend.js';
import type { ImageErrorCode, LoadedImage } from './types.js';

/** Messages between the pool (main thread) and its workers. */
export type WorkerTask =
  | { kind: 'analyze'; image: LoadedImage; options: AnalyzeOptions }
  | { kind: 'backend' }
  | { kind: 'stats' }
  /** Test hook: makes the worker hang (busy loop) or crash, to prove the pool replaces it. */
  | { kind: 'fault'; fault: 'hang' | 'crash' };

export type WorkerReply =
  | { ok: true; kind: 'analyze'; photo: AnalyzedPhoto }
  | { ok: true; kind: 'backend'; info: BackendInfo }
  | { ok: true; kind: 'stats'; numTensors: number }
  | { ok: false; code: ImageErrorCode; message: string };

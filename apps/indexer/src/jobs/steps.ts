import { createVisionPool, pipelineVersion } from '@kindred/vision';
import type { IndexerEnv } from '../env.js';
import { createFacesRunner, type FacesProgress, type FacesRunner } from './faces.js';

/** The faces work of `kindred index` with the vision settings of this machine (see docs/vision.md). */
export function facesRunner(env: IndexerEnv, onProgress?: (progress: FacesProgress) => void): FacesRunner {
  return createFacesRunner({
    pipeline: pipelineVersion(),
    openPool: () => createVisionPool({ workers: env.visionWorkers }),
    onProgress,
  });
}

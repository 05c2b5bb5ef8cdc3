import { createVisionPool, pipelineVersion } from '@kindred/vision';
import { exportVisionBackend, type IndexerEnv } from '../env.js';
import { createFacesRunner, type FacesProgress, type FacesRunner } from './faces.js';

/** The faces work of `kindred index` with the vision settings of this machine (see docs/vision.md). */
export function facesRunner(env: IndexerEnv, onProgress?: (progress: FacesProgress) => void): FacesRunner {
  exportVisionBackend(env);
  const { detector, maxSide, minScore, timeoutMs } = env.vision;
  const settings = { detector, maxSide, minScore };
  return createFacesRunner({
    pipeline: pipelineVersion(settings),
    openPool: () => createVisionPool({ workers: env.visionWorkers, timeoutMs, ...settings }),
    onProgress,
  });
}

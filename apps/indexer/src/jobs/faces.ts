import type { Box, DescribedFace, PhotoFaces } from '@kindred/vision';
import type { ContentStep, NewContent, StepContext } from './content-steps.js';
import { type FacesWork, imagesNeedingFaces } from './faces-select.js';
import {
  describeFromStoredDetections,
  knownBoxesFor,
  storeAnalyzedPhoto,
  storeFailedPhoto,
} from './faces-store.js';
import { readPhotoMetadata } from './photo-metadata.js';
import { isStorageError } from './storage-errors.js';

/** The part of the vision pool the faces step uses (see @kindred/vision createVisionPool). */
export interface FacesPool {
  analyze(path: string, options?: { knownBoxes?: Box[] }): Promise<PhotoFaces & { known: DescribedFace[] }>;
  whenReady(): Promise<void>;
  close(): Promise<void>;
}

export interface FacesReport {
  photosProcessed: number;
  facesFound: number;
  failed: number;
  /** Tag faces (Picasa, XMP) that took a detection's descriptor. */
  tagsMatched: number;
  /** Tag faces no detection matched, described from their own box. */
  tagsDescribedFromBox: number;
}

/** Progress of the faces step: `dispatched` photos were handed to the pool so far. */
export type FacesProgress = FacesReport & { dispatched: number };

export interface FacesStepOptions {
  /** Pipeline version of the pool's settings (stored with each face). */
  pipeline: string;
  /** Starts the vision pool; called only once there is work, so a run with no new photo loads no model. */
  openPool: () => FacesPool;
  onProgress?: (progress: FacesProgress) => void;
}

/** The faces work of one `kindred index` run: a streaming step during the walk, then a backlog pass. */
export interface FacesRunner {
  /** Consumes new image contents while the walk goes on (plus the backlog an earlier run left). */
  step: ContentStep;
  /**
   * Processes everything still needing faces: photos the walk did not hand over and faces imported
   * after the walk (Picasa tags to describe). Call after the walk and the imports.
   */
  drainBacklog(context: StepContext): Promise<FacesReport>;
  report(): FacesReport;
  close(): Promise<void>;
}

/**
 * Every image content with no faces for the current pipeline (or with a tag not yet described) goes
 * through the vision pool once per content. Each photo is stored in its own transaction as it
 * completes, so a killed run loses only the photos in flight and a re-run does exactly what is left.
 */
export function createFacesRunner(options: FacesStepOptions): FacesRunner {
  const { pipeline } = options;
  const report: FacesReport = {
    photosProcessed: 0,
    facesFound: 0,
    failed: 0,
    tagsMatched: 0,
    tagsDescribedFromBox: 0,
  };
  const attempted = new Set<string>();
  /** A storage error (disk full…): the photo is not at fault; the run stops and the next one redoes it. */
  let fatal: unknown;
  const running = new Set<Promise<void>>();
  let pool: FacesPool | undefined;
  const openedPool = (): FacesPool => {
    pool ??= options.openPool();
    return pool;
  };

  const process = async (work: FacesWork, context: StepContext) => {
    const { db } = context;
    try {
      // Tags added to a photo already at this pipeline often match its stored detections: no vision needed.
      let stored = describeFromStoredDetections(db, work.hash, pipeline);
      if (!stored) {
        const knownBoxes = knownBoxesFor(db, work.hash, pipeline);
        const analyzed = await openedPool().analyze(work.path, { knownBoxes });
        stored = storeAnalyzedPhoto(db, work.hash, pipeline, analyzed, await readPhotoMetadata(work.path));
        report.photosProcessed++;
      }
      report.facesFound += stored.added;
      report.tagsMatched += stored.matchedTags;
      report.tagsDescribedFromBox += stored.describedFromBox;
    } catch (error) {
      if (isStorageError(error)) {
        fatal ??= error;
        return;
      }
      const message = (error as Error).message ?? String(error);
      try {
        storeFailedPhoto(db, work.hash, pipeline, message);
      } catch (storing) {
        fatal ??= storing; // the disk filled up: the photo's failure is recorded by the next run
        return;
      }
      report.failed++;
      context.error(work.path, message);
    }
    options.onProgress?.({ ...report, dispatched: attempted.size });
  };

  const dispatch = async (work: FacesWork, context: StepContext, retry = false) => {
    if (fatal) throw fatal;
    if (attempted.has(work.hash) && !retry) return;
    attempted.add(work.hash);
    if (pool) await pool.whenReady();
    else if (running.size >= 2) await Promise.race(running);
    const task = process(work, context).finally(() => running.delete(task));
    running.add(task);
  };

  const settle = async () => {
    while (running.size > 0) await Promise.all(running);
    if (fatal) throw fatal;
  };

  return {
    step: {
      name: 'faces',
      wants: (content: NewContent) => content.kind === 'image',
      async consume(contents, context) {
        for (const work of imagesNeedingFaces(context.db, pipeline)) await dispatch(work, context);
        for await (const content of contents) {
          if (attempted.has(content.hash)) continue;
          for (const work of imagesNeedingFaces(context.db, pipeline, content.hash))
            await dispatch(work, context);
        }
        await settle();
        return { ...report };
      },
    },
    async drainBacklog(context) {
      // A photo done earlier in this run comes back only when new tags need describing.
      for (const work of imagesNeedingFaces(context.db, pipeline)) await dispatch(work, context, true);
      await settle();
      return { ...report };
    },
    report: () => ({ ...report }),
    async close() {
      await Promise.allSettled(running);
      await pool?.close();
    },
  };
}

import { requireTestData } from '@kindred/testing';
import { libraryJobs, loadSeededLibrary } from './datasets.js';
import { describePhotos } from './descriptor-cache.js';

/**
 * Fills the descriptor cache for every eval set: lfw-library, then library (whose photos are the
 * faces/ photos, so it also serves pairs.tsv and the simulated faces/ scenario).
 */
export async function buildCache(shard: [number, number] = [0, 1]): Promise<void> {
  const shared = requireTestData();
  const log = (line: string) => console.error(line);
  for (const name of ['lfw-library', 'library'] as const) {
    await describePhotos(libraryJobs(loadSeededLibrary(shared, name)), { shard, log });
  }
}

if (process.argv[1]?.endsWith('build-cache.js')) {
  await buildCache([Number(process.argv[2] ?? 0), Number(process.argv[3] ?? 1)]);
}

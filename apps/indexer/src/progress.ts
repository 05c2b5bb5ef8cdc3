import cliProgress from 'cli-progress';
import type { FacesProgress } from './jobs/faces.js';
import type { ProgressState } from './jobs/inventory.js';

export interface ProgressReporter {
  update(state: ProgressState): void;
  faces(progress: FacesProgress): void;
  stop(): void;
}

const MB = 1024 * 1024;

function seconds(startedAt: number): number {
  return (performance.now() - startedAt) / 1000;
}

function rate(bytes: number, startedAt: number): string {
  const s = seconds(startedAt);
  return s > 0 ? (bytes / MB / s).toFixed(1) : '0.0';
}

/** "12.3 photos/s, 40 found, ETA 1m05s" for the photos handed to the faces step so far. */
export function facesText(progress: FacesProgress, startedAt: number): string {
  const done = progress.photosProcessed + progress.failed;
  const s = seconds(startedAt);
  const perSecond = s > 0 ? done / s : 0;
  const left = Math.max(0, progress.dispatched - done);
  const eta = perSecond > 0 ? Math.round(left / perSecond) : 0;
  const etaText = eta >= 60 ? `${Math.floor(eta / 60)}m${String(eta % 60).padStart(2, '0')}s` : `${eta}s`;
  return `faces ${done}/${progress.dispatched} photos, ${perSecond.toFixed(1)}/s, ${progress.facesFound} found, ETA ${etaText}`;
}

/** A progress bar on stderr (TTY): files seen, hashed, MB/s, ETA of the hashing; then the faces figures. */
function barReporter(): ProgressReporter {
  const startedAt = performance.now();
  let facesStartedAt = 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'indexing |{bar}| {seen} seen | {hashed} hashed | {mbps} MB/s | ETA {eta_formatted} {faces}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { seen: 0, hashed: 0, mbps: '0.0', faces: '' });
  return {
    update(state) {
      bar.setTotal(Math.max(1, state.bytesQueued));
      bar.update(state.bytesHashed, {
        seen: state.seen,
        hashed: state.hashed,
        mbps: rate(state.bytesHashed, startedAt),
      });
    },
    faces(progress) {
      facesStartedAt ||= performance.now();
      bar.update({ faces: `| ${facesText(progress, facesStartedAt)}` });
    },
    stop: () => bar.stop(),
  };
}

/** Plain log lines on stderr, at most one every `intervalMs` (logs, cron mail). */
function lineReporter(intervalMs: number): ProgressReporter {
  const startedAt = performance.now();
  let facesStartedAt = 0;
  let last = startedAt;
  const due = () => {
    const now = performance.now();
    if (now - last < intervalMs) return false;
    last = now;
    return true;
  };
  return {
    update(state) {
      if (!due()) return;
      process.stderr.write(
        `kindred: ${state.seen} files seen, ${state.hashed} hashed (${rate(state.bytesHashed, startedAt)} MB/s)\n`,
      );
    },
    faces(progress) {
      facesStartedAt ||= performance.now();
      if (due()) process.stderr.write(`kindred: ${facesText(progress, facesStartedAt)}\n`);
    },
    stop() {},
  };
}

export function progressReporter(options: { tty: boolean; plain: boolean }): ProgressReporter {
  return options.tty && !options.plain ? barReporter() : lineReporter(5000);
}

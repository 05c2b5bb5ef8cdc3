import cliProgress from 'cli-progress';
import type { ProgressState } from './jobs/inventory.js';

export interface ProgressReporter {
  update(state: ProgressState): void;
  stop(): void;
}

const MB = 1024 * 1024;

function rate(bytes: number, startedAt: number): string {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? (bytes / MB / seconds).toFixed(1) : '0.0';
}

/** A progress bar on stderr (TTY): files seen, hashed, MB/s, ETA of the hashing queued so far. */
function barReporter(): ProgressReporter {
  const startedAt = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'indexing |{bar}| {seen} seen | {hashed} hashed | {mbps} MB/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { seen: 0, hashed: 0, mbps: '0.0' });
  return {
    update(state) {
      bar.setTotal(Math.max(1, state.bytesQueued));
      bar.update(state.bytesHashed, {
        seen: state.seen,
        hashed: state.hashed,
        mbps: rate(state.bytesHashed, startedAt),
      });
    },
    stop: () => bar.stop(),
  };
}

/** Plain log lines on stderr, at most one every `intervalMs` (logs, cron mail). */
function lineReporter(intervalMs: number): ProgressReporter {
  const startedAt = performance.now();
  let last = startedAt;
  return {
    update(state) {
      const now = performance.now();
      if (now - last < intervalMs) return;
      last = now;
      process.stderr.write(
        `kindred: ${state.seen} files seen, ${state.hashed} hashed (${rate(state.bytesHashed, startedAt)} MB/s)\n`,
      );
    },
    stop() {},
  };
}

export function progressReporter(options: { tty: boolean; plain: boolean }): ProgressReporter {
  return options.tty && !options.plain ? barReporter() : lineReporter(5000);
}

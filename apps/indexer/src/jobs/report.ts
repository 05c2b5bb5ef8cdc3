export interface FileCounts {
  seen: number;
  new: number;
  changed: number;
  moved: number;
  removed: number;
  unchanged: number;
  duplicates: number;
}

export interface RunError {
  path: string;
  error: string;
}

/** The JSON a run prints with `--json` and stores in `runs.report`. Steps add their own sections ("faces", …). */
export interface RunReportJson {
  files: FileCounts;
  errors: RunError[];
  durationMs: number;
  [section: string]: unknown;
}

/** Collects a run's counts, per-path errors and step sections, and turns them into the report JSON. */
export class RunReport {
  readonly files: FileCounts = {
    seen: 0,
    new: 0,
    changed: 0,
    moved: 0,
    removed: 0,
    unchanged: 0,
    duplicates: 0,
  };
  readonly errors: RunError[] = [];
  readonly #sections = new Map<string, unknown>();
  readonly #startedAt = performance.now();
  /** Bytes read and hashed (for the summary's throughput; not part of the JSON). */
  bytesHashed = 0;
  filesHashed = 0;

  error(path: string, error: string): void {
    this.errors.push({ path, error });
  }

  /** Adds or replaces a named section, e.g. `section("faces", {...})`. "files", "errors", "durationMs" are reserved. */
  section(name: string, value: unknown): void {
    if (name === 'files' || name === 'errors' || name === 'durationMs')
      throw new Error(`report section "${name}" is reserved`);
    this.#sections.set(name, value);
  }

  elapsedMs(): number {
    return Math.round(performance.now() - this.#startedAt);
  }

  toJSON(): RunReportJson {
    return {
      files: { ...this.files },
      errors: [...this.errors],
      durationMs: this.elapsedMs(),
      ...Object.fromEntries(this.#sections),
    };
  }
}

import type { KindredDb } from '@kindred/db';
import { Channel } from './channel.js';
import type { ContentKind } from './kind.js';
import { isStorageError } from './storage-errors.js';

/** A content the inventory has just recorded (committed to `contents`), with one path where it lives. */
export interface NewContent {
  hash: string;
  kind: ContentKind;
  size: number;
  path: string;
}

export interface StepContext {
  db: KindredDb;
  runId: number;
  /** Records a per-path problem in the run report (the run goes on). */
  error(path: string, error: string): void;
}

/**
 * A pipeline step fed by the inventory while it walks (the faces step is the first one planned).
 * `consume` is started before the walk and reads contents as they are committed; it runs concurrently with
 * the walk. When the step reads slower than the walk produces, the walk waits (bounded buffer). The step
 * should also pick up earlier contents it has not done yet (e.g. a run killed before the step finished),
 * typically with a query at the start of `consume`. Its return value becomes the report section `name`.
 */
export interface ContentStep {
  /** Report section name, e.g. "faces". */
  name: string;
  wants(content: NewContent): boolean;
  consume(contents: AsyncIterable<NewContent>, context: StepContext): Promise<unknown>;
}

/** Runs the steps alongside the walk: one bounded channel per step. */
export class StepRunner {
  readonly #running: { step: ContentStep; channel: Channel<NewContent>; done: Promise<unknown> }[];
  /** A step stopped on a storage error (disk full…): the whole run stops, not just the step. */
  #fatal: unknown;

  constructor(steps: ContentStep[], context: StepContext, capacity = 64) {
    this.#running = steps.map((step) => {
      const channel = new Channel<NewContent>(capacity);
      const done = step.consume(channel, context).catch((error: unknown) => {
        channel.drop();
        if (isStorageError(error)) {
          this.#fatal ??= error;
          return { failed: true };
        }
        context.error(step.name, `step failed: ${(error as Error).message ?? String(error)}`);
        return { failed: true };
      });
      return { step, channel, done };
    });
  }

  get active(): boolean {
    return this.#running.length > 0;
  }

  /** Hands new contents to every step that wants them; waits while a step's buffer is full. */
  async offer(contents: NewContent[]): Promise<void> {
    if (this.#fatal) throw this.#fatal;
    for (const content of contents) {
      for (const { step, channel } of this.#running) {
        if (step.wants(content)) await channel.push(content);
      }
    }
  }

  /** Closes the channels and waits for every step; returns their report sections by name. */
  async finish(): Promise<Map<string, unknown>> {
    for (const { channel } of this.#running) channel.close();
    const sections = new Map<string, unknown>();
    for (const { step, done } of this.#running) sections.set(step.name, await done);
    if (this.#fatal) throw this.#fatal;
    return sections;
  }
}

/**
 * A bounded async queue: `push` waits while `capacity` items are unread (back-pressure on the producer);
 * the consumer reads with `for await`. `close()` ends the iteration once the buffer is drained.
 */
export class Channel<T> implements AsyncIterable<T> {
  readonly #buffer: T[] = [];
  readonly #capacity: number;
  #closed = false;
  #wakeReader: (() => void) | null = null;
  #wakeWriters: (() => void)[] = [];

  constructor(capacity: number) {
    if (capacity < 1) throw new Error('channel capacity must be at least 1');
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#buffer.length;
  }

  #dropped = false;

  /** The consumer is gone: drop what is buffered, release waiting writers, ignore later pushes. */
  drop(): void {
    this.#dropped = true;
    this.#buffer.length = 0;
    for (const wake of this.#wakeWriters.splice(0)) wake();
  }

  async push(item: T): Promise<void> {
    if (this.#dropped) return;
    if (this.#closed) throw new Error('push on a closed channel');
    while (this.#buffer.length >= this.#capacity) {
      await new Promise<void>((resolve) => this.#wakeWriters.push(resolve));
      if (this.#dropped) return;
    }
    this.#buffer.push(item);
    this.#wakeReader?.();
    this.#wakeReader = null;
  }

  close(): void {
    this.#closed = true;
    this.#wakeReader?.();
    this.#wakeReader = null;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.#buffer.length > 0) {
        const item = this.#buffer.shift() as T;
        this.#wakeWriters.shift()?.();
        yield item;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => {
        this.#wakeReader = resolve;
      });
    }
  }
}

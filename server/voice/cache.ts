/**
 * Rendered audio, keyed by what was said and by which voice (pack version or espeak voice).
 * Least-recently-used, bounded by bytes rather than entries: a three-language, three-times
 * call is twenty times the size of a short one. Concurrent requests for the same key share
 * one rendering (a wall display and ten window screens ask for the same call at once).
 */
export class AudioCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly pending = new Map<string, Promise<Buffer>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Buffer): void {
    if (value.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  /** Cached value, or the one rendering already under way, or a new rendering. */
  getOrRender(key: string, render: () => Buffer | Promise<Buffer>): Promise<Buffer> {
    const hit = this.get(key);
    if (hit) return Promise.resolve(hit);
    const running = this.pending.get(key);
    if (running) return running;
    // Started on a microtask, so even a synchronous throw lands after pending.set below.
    const p = Promise.resolve()
      .then(render)
      .then((value) => {
        this.set(key, value);
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

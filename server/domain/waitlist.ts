/**
 * The waiting tickets of one queue, kept ordered so that `next` never scans the queue.
 * Two sorted runs (priority, normal), each ordered by (arrivedAt, order). Insertion and removal
 * are a binary search plus an array splice; taking the head advances an offset, so the common
 * case (call the head) is O(1) and the array is compacted only now and then.
 */
export interface WaitEntry {
  id: string;
  arrivedAt: number;
  order: number;
}

function before(a: WaitEntry, b: WaitEntry): boolean {
  return a.arrivedAt < b.arrivedAt || (a.arrivedAt === b.arrivedAt && a.order < b.order);
}

export class SortedRun {
  private items: WaitEntry[] = [];
  private start = 0;

  get size(): number {
    return this.items.length - this.start;
  }

  peek(): WaitEntry | undefined {
    return this.items[this.start];
  }

  /** Index of the first item not before `e` (from `start`). */
  private lowerBound(e: WaitEntry): number {
    let lo = this.start;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.items[mid]!, e)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(e: WaitEntry): void {
    const at = this.lowerBound(e);
    if (at === this.items.length) this.items.push(e);
    else this.items.splice(at, 0, e);
  }

  remove(e: WaitEntry): boolean {
    const at = this.lowerBound(e);
    if (this.items[at]?.id !== e.id) return false;
    if (at === this.start) {
      this.start++;
      this.compact();
    } else {
      this.items.splice(at, 1);
    }
    return true;
  }

  /** How many entries stand before `e` (e need not be present). */
  rank(e: WaitEntry): number {
    return this.lowerBound(e) - this.start;
  }

  *[Symbol.iterator](): IterableIterator<WaitEntry> {
    for (let i = this.start; i < this.items.length; i++) yield this.items[i]!;
  }

  private compact(): void {
    if (this.start > 1024 && this.start * 2 > this.items.length) {
      this.items = this.items.slice(this.start);
      this.start = 0;
    }
  }
}

export class WaitList {
  readonly priority = new SortedRun();
  readonly normal = new SortedRun();

  get size(): number {
    return this.priority.size + this.normal.size;
  }

  run(isPriority: boolean): SortedRun {
    return isPriority ? this.priority : this.normal;
  }

  /** The longest-waiting entry of either run. */
  oldest(): WaitEntry | undefined {
    const p = this.priority.peek();
    const n = this.normal.peek();
    if (!p) return n;
    if (!n) return p;
    return before(p, n) ? p : n;
  }
}

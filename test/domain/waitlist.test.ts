import { describe, expect, it } from 'vitest';
import { SortedRun } from '../../server/domain';

const e = (id: string, arrivedAt: number, order: number) => ({ id, arrivedAt, order });

describe('SortedRun', () => {
  it('keeps entries ordered by arrival then issue order, whatever the insertion order', () => {
    const r = new SortedRun();
    r.insert(e('c', 30, 3));
    r.insert(e('a', 10, 1));
    r.insert(e('b2', 20, 5));
    r.insert(e('b1', 20, 2));
    expect([...r].map((x) => x.id)).toEqual(['a', 'b1', 'b2', 'c']);
    expect(r.peek()?.id).toBe('a');
    expect(r.rank(e('b2', 20, 5))).toBe(2);
  });

  it('removes the head, a middle entry, and refuses an absent one', () => {
    const r = new SortedRun();
    for (let i = 0; i < 5; i++) r.insert(e(`t${i}`, i, i));
    expect(r.remove(e('t0', 0, 0))).toBe(true);
    expect(r.remove(e('t2', 2, 2))).toBe(true);
    expect(r.remove(e('zz', 2, 2))).toBe(false);
    expect([...r].map((x) => x.id)).toEqual(['t1', 't3', 't4']);
    expect(r.size).toBe(3);
  });

  it('stays correct across compaction with many head removals', () => {
    const r = new SortedRun();
    for (let i = 0; i < 5000; i++) r.insert(e(`t${i}`, i, i));
    for (let i = 0; i < 4000; i++) expect(r.remove(r.peek()!)).toBe(true);
    expect(r.size).toBe(1000);
    expect(r.peek()?.id).toBe('t4000');
    r.insert(e('late', 3999.5, 99999));
    expect(r.peek()?.id).toBe('late');
  });
});

import { describe, expect, it } from 'vitest';
import { beginNext, endNext, initialNextRequest, REUSE_MS } from '../../counter/src/shared/nextRequest';

let n = 0;
const newId = (): string => `req-${++n}`;

describe('next request ids', () => {
  it('ignores a second press while the first is in flight (double press)', () => {
    const a = beginNext(initialNextRequest(), 0, newId);
    expect(a.id).not.toBeNull();
    const b = beginNext(a.state, 10, newId);
    expect(b.id).toBeNull();
  });

  it('uses a fresh id after a clear answer', () => {
    const a = beginNext(initialNextRequest(), 0, newId);
    const done = endNext(a.state, 100, true);
    const b = beginNext(done, 200, newId);
    expect(b.id).not.toBe(a.id);
  });

  it('reuses the id after a timeout, so a retry cannot call a second ticket', () => {
    const a = beginNext(initialNextRequest(), 0, newId);
    const lost = endNext(a.state, 8_000, false);
    const b = beginNext(lost, 9_000, newId);
    expect(b.id).toBe(a.id);
    // …and once that retry is answered, the id is settled.
    const c = beginNext(endNext(b.state, 9_100, true), 9_200, newId);
    expect(c.id).not.toBe(a.id);
  });

  it('stops reusing a lost id after a while', () => {
    const a = beginNext(initialNextRequest(), 0, newId);
    const lost = endNext(a.state, 1_000, false);
    expect(beginNext(lost, 1_000 + REUSE_MS + 1, newId).id).not.toBe(a.id);
  });
});

/**
 * Cost of one `next` press in the domain core as the queue grows: the wait lists keep each queue
 * ordered, so the cost should stay flat from 100 to 100,000 waiting tickets.
 * Run: npx tsx bench/next.ts
 */
import { decide, evolve, type HallState } from '../server/domain';
import { T0, makeHall, p, o, win } from '../test/support/hall-fixture';

function hallWith(waiting: number): HallState {
  const h = makeHall([win(1, [p('A'), o('B')], 'c1')]);
  for (const q of h.queues.values()) q.numberEnd = 999_999; // a benchmark hall, not a real day's range
  for (let i = 0; i < waiting; i++) {
    const d = decide(h, { type: 'issueTicket', id: `t${i}`, queue: i % 10 === 0 ? 'B' : 'A', channel: 'kiosk', matters: [], priority: i % 7 === 0 ? 'priority' : 'normal' }, T0 + i);
    if (!d.ok) throw new Error(d.error.code);
    for (const e of d.events) evolve(h, e);
  }
  return h;
}

const presses = 20_000;
console.log('waiting tickets | µs per next (decide + evolve, completes the previous)');
// The first size runs twice: its first run only warms up the JIT.
for (const [k, n] of [100, 100, 1_000, 10_000, 100_000].entries()) {
  const h = hallWith(n + presses);
  const start = process.hrtime.bigint();
  for (let i = 0; i < presses; i++) {
    const d = decide(h, { type: 'next', windowNo: 1, clerkId: 'c1' }, T0 + 10_000_000 + i * 1000);
    if (!d.ok) throw new Error(d.error.code);
    for (const e of d.events) evolve(h, e);
  }
  const us = Number(process.hrtime.bigint() - start) / 1000 / presses;
  if (k > 0) console.log(`${String(n).padStart(15)} | ${us.toFixed(2)}`);
}

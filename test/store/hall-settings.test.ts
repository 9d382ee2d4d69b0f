/** Hall settings in the store: a hall saved before 取号时间 existed loads with tickets all day and no stop; set hours survive a reload. */
import { describe, expect, it } from 'vitest';
import { decide, evolve, ticketingVerdict } from '../../server/domain';
import { createStore } from '../../server/store';
import { migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';

// Six fields, as every hall was written before ticketHours and stopWhenUnfinishable.
const OLD = { recallLimit: 2, prioritySwapAfter: 3, publicTicketing: true, voiceLanguages: ['zh'], voiceRepeat: 1, notices: [] };
const MIDNIGHT = Date.parse('2026-11-30T00:30:00+08:00');

describe('hall settings in the store', () => {
  it('an old hall takes tickets at any hour; set hours are kept', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    db.prepare("INSERT INTO halls VALUES ('h1', '大厅', 'Hall', 'Asia/Shanghai', '2026-11-30', 0, ?)").run(JSON.stringify(OLD));
    db.prepare("INSERT INTO queues VALUES ('h1', 'A', '企业开办', 'Business', '企业', 20, 0, 1, 999, 1, 1, 300, NULL)").run();
    const store = createStore(db);
    const state = store.halls.load('h1')!;
    expect(state.settings).toMatchObject({ ...OLD, ticketHours: [], stopWhenUnfinishable: false });
    expect(ticketingVerdict(state, 'A', MIDNIGHT)).toEqual({ open: true });

    const hours = [{ start: '08:30', end: '17:00' }];
    const d = decide(state, { type: 'updateSettings', patch: { ticketHours: hours, stopWhenUnfinishable: true } }, MIDNIGHT);
    if (!d.ok) throw new Error(d.error.code);
    for (const e of d.events) evolve(state, e);
    store.halls.commit({ hallId: 'h1', seq: 1, at: MIDNIGHT, serviceDay: state.serviceDay, actor: 'test', events: [], tickets: [], windows: [], queues: [], calls: [], settings: state.settings });
    const reloaded = store.halls.load('h1')!;
    expect(reloaded.settings).toMatchObject({ ticketHours: hours, stopWhenUnfinishable: true });
    expect(ticketingVerdict(reloaded, 'A', MIDNIGHT)).toMatchObject({ open: false, reason: 'outside_hours' });
    store.close();
  });
});

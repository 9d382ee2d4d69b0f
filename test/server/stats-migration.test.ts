/**
 * The upgrade that starts keeping each ticket's target: a database written before it (real
 * SQLite, every earlier migration) gets, for each stored ticket, the target that was in force
 * when it was issued, found in the event log's queue changes; then the figures judge by it.
 */
import { describe, expect, it } from 'vitest';
import { dayStats } from '../../server/domain';
import { createStore } from '../../server/store';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-02T01:00:00Z'); // 09:00 in Shanghai

const queueDef = (code: string, target: number, name = `队列${code}`) => ({
  code,
  name,
  nameEn: `Queue ${code}`,
  category: 'test',
  targetWaitMinutes: target,
  priorityQueue: false,
  numberStart: 1,
  numberEnd: 999,
  sort: 1,
});

describe('migration: tickets keep the target they were issued under', () => {
  it('old tickets get the target in force at their issue from the event log; a queue gone leaves NULL', () => {
    const all = loadMigrations();
    const mine = all.findIndex((m) => m.name.endsWith('_ticket_target.sql'));
    expect(mine).toBeGreaterThan(0);
    const db = openDatabase(':memory:');
    migrate(db, all.slice(0, mine));

    db.prepare("INSERT INTO halls (id, name, name_en, timezone, service_day, settings) VALUES ('h', '中心', 'Centre', 'Asia/Shanghai', '2026-11-03', '{}')").run();
    // A's target today is 20; it was 10 until 11:00, then 15 until 13:00. B never changed (12). Q is gone.
    const queue = db.prepare(
      `INSERT INTO queues (hall_id, code, name, name_en, category, target_wait_minutes, priority_queue, number_start, number_end, sort, next_number, avg_service_seconds)
       VALUES ('h', ?, ?, ?, 'test', ?, 0, 1, 999, 1, 1, 300)`,
    );
    queue.run('A', '企业开办', 'Start-up', 20);
    queue.run('B', '工程建设', 'Construction', 12);
    const event = db.prepare("INSERT INTO events (hall_id, seq, at, actor, type, data) VALUES ('h', ?, ?, 'admin', ?, ?)");
    const changed = (seq: number, at: number, before: number, after: number) =>
      event.run(seq, at, 'QueueChanged', JSON.stringify({ type: 'QueueChanged', at, queue: queueDef('A', after), before: queueDef('A', before) }));
    event.run(1, T0, 'TicketIssued', '{}'); // other events are left alone
    changed(2, T0 + 2 * HOUR, 10, 15);
    changed(3, T0 + 4 * HOUR, 15, 20);
    const ticket = db.prepare(
      `INSERT INTO tickets (id, hall_id, service_day, number, queue, status, priority, channel, matters, issued_at, arrived_at, ord, called_at)
       VALUES (?, 'h', '2026-11-02', ?, ?, 'called', 'normal', 'kiosk', '[]', ?, ?, ?, ?)`,
    );
    let ord = 0;
    const issue = (id: string, queue: string, at: number, waitMinutes: number) => ticket.run(id, `${queue}${++ord}`, queue, at, at, ord, at + waitMinutes * 60_000);
    issue('a-early', 'A', T0 + HOUR, 12); // under 10: over
    issue('a-noon', 'A', T0 + 3 * HOUR, 12); // under 15: within
    issue('a-late', 'A', T0 + 5 * HOUR, 12); // under 20: within
    issue('b', 'B', T0 + HOUR, 12); // under 12: within
    issue('q', 'Q', T0 + HOUR, 12);

    const store = createStore(db); // migrates the rest
    const targets = Object.fromEntries(
      (db.prepare('SELECT id, target_wait_minutes AS t FROM tickets').all() as { id: string; t: number | null }[]).map((r) => [r.id, r.t]),
    );
    expect(targets).toEqual({ 'a-early': 10, 'a-noon': 15, 'a-late': 20, b: 12, q: null });

    // Judged so: A two of three within, the day's figures say one ticket had no target.
    const s = dayStats(
      {
        serviceDay: '2026-11-02',
        timezone: 'Asia/Shanghai',
        live: false,
        queues: [{ ...queueDef('A', 20), sort: 1 }, { ...queueDef('B', 12), sort: 2 }],
        queueChanges: store.stats.queueChanges('h'),
        tickets: store.stats.ticketsOf('h', '2026-11-02', '2026-11-02'),
        clerks: new Map(),
        signedIn: new Map(),
      },
      T0 + 24 * HOUR,
    );
    expect(s.queues.map((q) => [q.code, q.slaAttainment, q.targetWaitMinutes, q.targetChanged])).toEqual([
      ['A', 2 / 3, 20, true],
      ['B', 1, 12, false],
      ['Q', 1, undefined, false],
    ]);
    expect(s.untargeted).toBe(1);
    store.close();
  });
});

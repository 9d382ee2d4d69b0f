/**
 * 自动叫号 kept in the store: migration 0012 gives the tickets stored before it `auto_called = 0`
 * (pressed), and a ticket's row keeps whether its call was automatic, both ways.
 */
import { describe, expect, it } from 'vitest';
import type { TicketRec } from '../../server/domain';
import { createStore } from '../../server/store';
import { loadMigrations, migrate } from '../../server/store/migrate';
import { openDatabase } from '../../server/store/open';
import { ticketFromRow, ticketToRow } from '../../server/store/rows';

const T0 = Date.parse('2026-11-02T01:00:00Z');

describe('migration 0012: whether a call was automatic', () => {
  it('tickets stored before count as pressed; the figures read them so', () => {
    const all = loadMigrations();
    const mine = all.findIndex((m) => m.name.endsWith('_ticket_auto_called.sql'));
    expect(mine).toBeGreaterThan(0);
    const db = openDatabase(':memory:');
    migrate(db, all.slice(0, mine));
    db.prepare("INSERT INTO halls (id, name, name_en, timezone, service_day, settings) VALUES ('h', '中心', 'Centre', 'Asia/Shanghai', '2026-11-03', '{}')").run();
    db.prepare(
      `INSERT INTO tickets (id, hall_id, service_day, number, queue, status, priority, channel, matters, issued_at, arrived_at, ord, called_at, served_by)
       VALUES ('t1', 'h', '2026-11-02', 'A001', 'A', 'called', 'normal', 'kiosk', '[]', ?, ?, 1, ?, 'u1')`,
    ).run(T0, T0, T0 + 60_000);
    const store = createStore(db); // migrates the rest
    expect(db.prepare("SELECT auto_called AS a FROM tickets WHERE id = 't1'").get()).toEqual({ a: 0 });
    expect(store.stats.ticketsOf('h', '2026-11-02', '2026-11-02')[0]?.autoCalled).toBe(false);
    store.close();
  });

  it.each([true, undefined])('a ticket row keeps autoCalled %s', (autoCalled) => {
    const t: TicketRec = {
      id: 't2',
      serviceDay: '2026-11-02',
      number: 'A002',
      queue: 'A',
      status: 'called',
      priority: 'normal',
      channel: 'kiosk',
      matters: [],
      issuedAt: T0,
      arrivedAt: T0,
      order: 2,
      calledAt: T0 + 1,
      recalls: 0,
    };
    if (autoCalled) t.autoCalled = true;
    const row = ticketToRow('h', t);
    expect(row.auto_called).toBe(autoCalled ? 1 : 0);
    expect(ticketFromRow(row)).toEqual(t);
  });
});

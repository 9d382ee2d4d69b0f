/** A range's ticket list, asked a day at a time (logic/statsExport.ts): every day, a few at once, in date order, stopping at a refusal. */
import { describe, expect, it } from 'vitest';
import type { DayTicket, DayTickets } from '../../shared/stats';
import { DAYS_AT_ONCE, rangeTickets } from '../../counter/src/admin/logic/statsExport';
import type { ClientReply } from '../../counter/src/shared/reply';

const ticket = (number: string): DayTicket => ({ number, queue: 'A', channel: 'kiosk', priority: 'normal', status: 'done', issuedAt: '2026-11-30T01:00:00.000Z', recalls: 0 });

/** A fake server: each day answers after a delay that makes later days come back first. */
function fakeServer(refuse?: string) {
  let open = 0;
  const seen = { asked: [] as string[], most: 0 };
  const dayTickets = async (date: string): Promise<ClientReply<DayTickets>> => {
    seen.asked.push(date);
    open++;
    seen.most = Math.max(seen.most, open);
    await new Promise((r) => setTimeout(r, 40 - Number(date.slice(8)) * 3));
    open--;
    if (date === refuse) return { ok: false, error: { code: 'INTERNAL', message: 'no' } };
    return { ok: true, data: { serviceDay: date, timezone: 'Asia/Shanghai', tickets: [ticket(`${date}/1`), ticket(`${date}/2`)] } };
  };
  return { dayTickets, seen };
}

describe('rangeTickets', () => {
  it('asks every day once, at most a few at a time, and keeps the days in date order', async () => {
    const { dayTickets, seen } = fakeServer();
    const progress: string[] = [];
    const r = await rangeTickets('2026-11-01', '2026-11-10', dayTickets, (done, of) => progress.push(`${done}/${of}`));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(seen.asked.toSorted()).toEqual(Array.from({ length: 10 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`));
    expect(seen.most).toBe(DAYS_AT_ONCE);
    expect(r.data).toMatchObject({ from: '2026-11-01', to: '2026-11-10', timezone: 'Asia/Shanghai' });
    expect(r.data.tickets.map((t) => t.number).slice(0, 4)).toEqual(['2026-11-01/1', '2026-11-01/2', '2026-11-02/1', '2026-11-02/2']);
    expect(r.data.tickets).toHaveLength(20);
    expect(progress).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}/10`));
  });

  it('a refused day ends the export with that error, and no day is asked for after it', async () => {
    const { dayTickets, seen } = fakeServer('2026-11-02');
    const r = await rangeTickets('2026-11-01', '2026-11-20', dayTickets);
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'no' } });
    expect(seen.asked.length).toBeLessThan(20);
  });
});

/**
 * Costs of 短信提醒 on the hot paths, in-process with an in-memory database:
 * - the 快到您了 check after each hall change, with 60 checked-in appointment tickets followed
 *   (a busy day's worth waiting at once) in one queue of 300 waiting tickets;
 * - the reminder run's query with 200 000 appointments in the table, 1 000 of them tomorrow;
 * - delivery through the webhook to a local HTTP server (messages per second).
 * Run: npx tsx bench/sms.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app';
import { seedDemoIfEmpty } from '../server/demo/seed';
import { createOutboxRepo } from '../server/notify/outbox-repo';
import { ManualClock } from '../server/service/clock';
import { createStore } from '../server/store';
import { openDatabase } from '../server/store/open';
import { createVoice } from '../server/voice';

const NOW = Date.parse('2026-11-30T00:30:00Z'); // 08:30 Shanghai, Monday
const log = () => undefined;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const gateway = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200).end());
});
await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/`;

const store = createStore(openDatabase(':memory:'));
seedDemoIfEmpty(store, { now: NOW, bcryptRounds: 4 });
const clock = new ManualClock(NOW);
const app = createApp({ store, clock, voice: createVoice({ enableEspeak: false, log }), log, sms: { url, timeoutMs: 5_000, maxAttempts: 5 } });
const port = await app.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${port}`;
const call = async (method: string, path: string, body?: unknown, token?: string) => {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, unknown>;
};
const manager = (await call('POST', '/api/auth/login', { username: 'admin', password: 'admin' })).token as string;
await call('PUT', '/api/citizen/settings', { smsEnabled: true, capacityPerSlot: 100, earlyMinutes: 240 }, manager);

// 240 walk-ins, then 60 appointments checked in (they queue after the walk-ins, all far from the head).
for (let i = 0; i < 240; i++) await call('POST', '/api/tickets', { queue: 'A' });
for (let i = 0; i < 60; i++) {
  const a = await call('POST', '/api/appointments', { date: '2026-11-30', slot: '11:00', queue: 'A', name: '张三', phone: `139${String(10_000_000 + i)}` });
  await call('POST', '/api/appointments/check-in', { code: a.code });
}
await app.sms.tick(); // the 60 预约成功 texts go out first

const publication = { hallId: app.service.hallId, change: { seq: 0, at: '', windows: [], queues: [] }, calls: [], ticketIds: [], queues: ['A'], prompts: [], completed: [] };
for (let i = 0; i < 200; i++) app.sms.published(publication);
let t0 = process.hrtime.bigint();
const N = 2_000;
for (let i = 0; i < N; i++) app.sms.published(publication);
console.log(`快到您了 check, 60 followed tickets in a queue of 300: ${((ms(t0) / N) * 1000).toFixed(0)} µs per hall change`);

// The reminder query over a big table.
const db = store.db;
const hallId = app.service.hallId;
const insert = db.prepare(`INSERT INTO appointments (id, hall_id, code, date, slot, slot_start, slot_end, queue, matters, name, phone, status, created_at, created_by)
  VALUES (?, ?, ?, ?, '10:00', ?, ?, 'A', '[]', '李四', ?, 'booked', 0, 'public')`);
const SLOT = Date.parse('2026-12-01T02:00:00Z'); // 12-01 10:00 Shanghai
db.transaction(() => {
  for (let i = 0; i < 200_000; i++) {
    const day = i < 1_000 ? '2026-12-01' : `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    insert.run(`bench${i}`, hallId, String(20_000_000 + i), day === '2026-12-01' && i >= 1_000 ? '2026-12-02' : day, SLOT, SLOT + 1_800_000, `138${String(10_000_000 + (i % 20_000))}`);
  }
})();
db.exec('ANALYZE');
const outbox = createOutboxRepo(db);
const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT a.code FROM appointments a WHERE a.hall_id = ? AND a.date = ? AND a.status = 'booked' AND a.created_at < ?
  AND NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.hall_id = a.hall_id AND o.kind = 'reminder' AND o.ref = 'appointment:' || a.code)`).all(hallId, '2026-12-01', NOW) as { detail: string }[];
outbox.reminderCandidates(hallId, '2026-12-01', NOW);
t0 = process.hrtime.bigint();
const found = outbox.reminderCandidates(hallId, '2026-12-01', NOW).length;
console.log(`reminder query, 200 000 appointments, ${found} due tomorrow: ${ms(t0).toFixed(1)} ms; plan: ${plan.map((p) => p.detail).join(' | ')}`);

// Delivery: write 1 000 reminders, then time sending them to the local gateway.
clock.set(Date.parse('2026-11-30T10:00:00Z')); // 18:00
t0 = process.hrtime.bigint();
const sent = await app.sms.tick();
console.log(`delivery to a local HTTP gateway: ${sent} messages in ${ms(t0).toFixed(0)} ms (${((sent / ms(t0)) * 1000).toFixed(0)} per second)`);

await app.close();
store.close();
gateway.close();

import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Ticket, TicketDetail } from '../../shared/schemas';
import { openStore } from '../../server/store';
import { api, login } from '../support/server';
import { tempDir } from '../support/tmp';

const here = dirname(fileURLToPath(import.meta.url));

function startChild(dbPath: string): Promise<{ url: string; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crash-child.ts'), dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        resolve({
          url: `http://127.0.0.1:${m[1]}`,
          kill: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGKILL');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
}

describe('durability', () => {
  it('after kill -9, every acknowledged command is there on restart', async () => {
    const dbPath = join(tempDir('crash-'), 'hall.db');
    const first = await startChild(dbPath);
    const token = await login(first.url, 'c01', '1234');
    await api(first.url, 'POST', '/api/windows/22/session', { token });
    const issued: Ticket[] = [];
    for (let i = 0; i < 40; i++) issued.push((await api<Ticket>(first.url, 'POST', '/api/tickets', { body: { queue: 'F' } })).body);
    const called: TicketDetail[] = [];
    for (let i = 0; i < 5; i++) called.push((await api<TicketDetail>(first.url, 'POST', '/api/windows/22/next', { token })).body);
    // Fire more commands and kill the process while they are in flight: only acknowledged ones count.
    const inFlight = Array.from({ length: 20 }, () => api<Ticket>(first.url, 'POST', '/api/tickets', { body: { queue: 'E' } }).catch(() => null));
    await new Promise((r) => setTimeout(r, 5));
    await first.kill();
    const acked = (await Promise.all(inFlight)).filter((r) => r && r.status === 201).map((r) => r!.body);

    const store = openStore(dbPath);
    const rows = store.db.prepare('SELECT id, number, status FROM tickets').all() as { id: string; number: string; status: string }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const t of [...issued, ...acked]) expect(byId.has(t.id)).toBe(true);
    // Each press completed the one before (办结 + 叫下一位); the last is still called.
    expect(called.map((t) => byId.get(t.id)?.status)).toEqual(['done', 'done', 'done', 'done', 'called']);
    // Numbers stay unique and continue after a restart.
    store.close();
    const second = await startChild(dbPath);
    const after = await api<Ticket>(second.url, 'POST', '/api/tickets', { body: { queue: 'F' } });
    expect(after.body.number).toBe('F041');
    const snap = await api<{ windows: { no: number; current?: { number: string } }[] }>(second.url, 'GET', '/api/snapshot');
    expect(snap.body.windows.find((w) => w.no === 22)?.current?.number).toBe(called.at(-1)!.number);
    await second.kill();
  }, 90_000); // two server processes start under tsx: slow on a busy two-core machine
});
